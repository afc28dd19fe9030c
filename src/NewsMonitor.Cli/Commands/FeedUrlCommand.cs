using System.CommandLine;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor feed-url [--subscription ID]... [--matches QUERY] [--base-url URL]</c>: the Atom feed URLs, token included,
/// to paste into a feed reader: every subscription's when nothing is named. The token comes from <c>Monitor:FeedKey</c>,
/// so this machine must hold the same key as the app that serves the feeds.
/// </summary>
internal static class FeedUrlCommand
{
    public const string DefaultBaseUrl = "http://localhost:7071/";

    public static MonitorCommand Declare(CliContext context)
    {
        var subscription = CliOptions.Values("--subscription", "ID", "This subscription's feed (repeatable); with no option, every subscription's.");
        var matches = CliOptions.Value("--matches", "QUERY", "A saved search's feed: the query string of GET /api/matches, e.g. 'entity=ID&minScore=0.5'.");
        var baseUrl = CliOptions.Value("--base-url", "URL", $"Where the app answers (default {DefaultBaseUrl}).");
        return new MonitorCommand("feed-url", "Atom feed URLs with their tokens, to paste into a feed reader.")
        {
            subscription, matches, baseUrl,
        }.WithExamples(
            ("monitor feed-url", "every subscription's feed"),
            ("monitor feed-url --matches 'entity=vladimir-putin&minScore=0.5' --base-url https://func-abc.azurewebsites.net", "a saved search on the deployed app"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(subscription) ?? [], result.GetValue(matches), result.GetValue(baseUrl), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string[] named, string? search, string? baseUrlText, CancellationToken cancellationToken)
    {
        var text = baseUrlText ?? DefaultBaseUrl;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https") || baseUrl.Query.Length > 0)
        {
            throw new UsageException($"--base-url: \"{text}\" is not an http(s) URL without a query, such as https://func-abc.azurewebsites.net");
        }

        await using var services = context.BuildServices();
        var tokens = services.GetRequiredService<FeedTokens>();
        if (!tokens.Enabled)
        {
            throw new UsageException(FeedTokens.Disabled);
        }

        var addresses = new List<(string Name, FeedAddress Address)>();
        if (search is not null)
        {
            addresses.Add(("matches", SearchAddress(search, services.GetRequiredService<TimeProvider>().GetUtcNow())));
        }

        if (named.Length > 0 || addresses.Count == 0)
        {
            var subscriptions = await services.GetRequiredService<MonitorConfiguration>().GetSubscriptionsAsync(cancellationToken);
            foreach (var id in named.Where(id => subscriptions.All(s => s.Id != id)))
            {
                throw new UsageException($"--subscription: no subscription has the id \"{id}\" (there are: {string.Join(", ", subscriptions.Select(s => s.Id))})");
            }

            addresses.AddRange(subscriptions.Where(s => named.Length == 0 || named.Contains(s.Id)).Select(s => (s.Id, FeedAddress.ForSubscription(s.Id))));
        }

        foreach (var (name, address) in addresses)
        {
            var path = address.Path + (address.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + tokens.For(address);
            await context.Output.WriteLineAsync($"{name}\t{new Uri(baseUrl, path).AbsoluteUri}");
        }

        return 0;
    }

    /// <summary>The saved search, checked as the feed route will check it, so no URL printed here answers 400.</summary>
    private static FeedAddress SearchAddress(string search, DateTimeOffset now)
    {
        var parameters = QueryHelpers.ParseQuery(search.TrimStart('?'))
            .SelectMany(p => p.Value.OfType<string>().Select(v => KeyValuePair.Create(p.Key, v)))
            .ToList();
        if (parameters.Any(p => p.Key == "token"))
        {
            throw new UsageException("--matches: leave the token out; this command adds it");
        }

        SavedSearch.Parse(parameters, now, out var problems);
        if (problems.Count > 0)
        {
            throw new UsageException($"--matches: {string.Join("; ", problems)}");
        }

        return FeedAddress.ForSearch(parameters);
    }
}
