using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Configuration;
using NewsMonitor.Escaping;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Cli;

/// <summary>The <c>monitor</c> command: dispatches to a command and turns expected failures into messages and exit codes.</summary>
internal static class CliApp
{
    private const string Usage = """
        monitor — track figures and topics in news feeds

        Usage:
          monitor demo [--site DIR] [--verbose]          run the pipeline once over the offline demo
          monitor run [--once] [--verbose]               host the pipeline locally against Azurite (--once: poll all, drain, exit)
          monitor check <file-or-url>... [--watchlist PATH] [--explain] [--json] [--allow-private]
          monitor extract <file-or-url>... [--json] [--allow-private]
          monitor feed <file-or-url>... [--json] [--allow-private]
          monitor feeds [--format table|json]            each feed's health: last success, failures, next poll, last error
          monitor matches [--entity ID]... [--all] [--kind K]... [--feed ID]... [--since 7d] [--until TIME]
                          [--min-score S] [--q WORDS] [--review relevant|dismissed|starred|unreviewed|any]
                          [--sort time|score] [--limit N] [--continuation T] [--format table|json|csv]   (dismissed left out unless asked for)
          monitor search '<query>' [--since 7d] [--feed ID]... [--limit N] [--cursor C] [--format table|json]
                          every archived article the query matches (matched by the watchlist or not), newest first
          monitor backtest --watchlist proposed.json [--since 30d] [--format table|json]
                          a proposed watchlist against the live one over the archive: gains and losses per entity; writes nothing
          monitor show <articleId> [--plain]             a stored article with its mentions highlighted and its review state
          monitor entities [--format table|json]         the watchlist with matches in the last 24 h and 7 d
          monitor volume <entity> [--since 14d] [--until TIME] [--bucket day|hour] [--format chart|table|json|csv]
                          matched articles per UTC day (bars) or hour (a sparkline per day)
          monitor purge --entity ID [--yes]              delete what an entity taken off the watchlist left in storage (without --yes: count only)
          monitor backfill --since 30d [--entity ID]...  apply the watchlist (or these entities) to the archived articles
          monitor backfill --status [--format table|json]   backfill jobs: state, blocks done, matches added/removed
          monitor config push [--container NAME]         check and upload watchlist, feeds and subscriptions to storage
          monitor digest [--subscription ID] [--since 1d] [--preview FILE.html] [--send]
          monitor subscriptions [--format table|json]    each subscription channel: last sent, next due, last error
          monitor poison list [--queue Q] [--format table|json]   messages that failed every attempt, per queue
          monitor poison replay [--queue Q] (--all | ID...)        move them back to their queue, history kept
          monitor feed-url [--subscription ID]... [--matches 'entity=ID&minScore=0.5'] [--base-url URL]
                          Atom feed URLs with their tokens, for a feed reader (every subscription's when none is named)
          monitor serve [--port 7071] [--open] [--demo]  the review workspace and the HTTP API on http://localhost:7071/
          monitor azurite start|stop|status              the Azurite commands start for the local development account

        Every command takes --quiet: no progress line on a terminal, and only warnings and errors logged.
        Settings come from local.settings.json (Values), then environment variables (AzureWebJobsStorage, Monitor__WatchlistPath, …).
        With AzureWebJobsStorage the local development account (the default), every command that needs storage starts
        Azurite when nothing listens on its ports (data in .local/azurite) and leaves it running; `monitor azurite stop` stops it.
        """;

    /// <summary>The commands that read or write storage: before them, the local development account gets its Azurite.</summary>
    private static readonly FrozenSet<string> StorageCommands =
        new[] { "run", "matches", "feeds", "entities", "volume", "purge", "show", "config", "subscriptions", "digest", "demo", "poison", "serve", "search", "backtest", "backfill" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The Azure SDK gives up on a dead endpoint with status 0, several retries wrapped in one AggregateException.</summary>
    private static bool IsStorageUnreachable(Exception ex) => ex switch
    {
        Azure.RequestFailedException { Status: 0 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => inner is Azure.RequestFailedException { Status: 0 }),
        _ => false,
    };

    /// <summary>
    /// Starts Azurite when nothing listens on the local development account's ports, and creates the deployment's queues,
    /// containers and tables as <c>run</c> would, so that reading a fresh local storage shows it empty rather than failing.
    /// </summary>
    private static async Task PrepareLocalStorageAsync(CliContext context, DevelopmentStorage local, CancellationToken cancellationToken)
    {
        await LocalAzurite.EnsureRunningAsync(local, context.Error, cancellationToken);
        await using var services = context.BuildServices();
        await services.GetRequiredService<MonitorStorage>().EnsureCreatedAsync(cancellationToken);
    }

    /// <summary>What to do about unreachable storage: it is either the local Azurite or an account this machine cannot reach.</summary>
    private static string UnreachableHint(CliContext context)
        => DevelopmentStorage.From(context.BuildConfiguration()) is { } local
            ? $"Azurite on {local.Address} stopped answering: `monitor azurite status` shows whether it runs and where its log is; any command that needs storage starts it again once nothing listens on its ports."
            : "AzureWebJobsStorage is not the local development account, so no Azurite is started: check AzureWebJobsStorage (or its __accountName / __*ServiceUri settings) and that this machine can reach that storage account.";

    /// <summary>An error message as printed: with credentials in URLs masked and control characters shown, never acted on.</summary>
    private static string Shown(string message) => ControlCharacters.Reveal(UrlCredentials.MaskedIn(message), keepLineBreaks: true);

    /// <param name="overrides">Settings that win over every other source (tests use them to point at their own Azurite).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        // --quiet applies to every command, so it is taken out here before the command parses the rest.
        var quiet = args.Contains("--quiet");
        args = [.. args.Where(arg => arg != "--quiet")];
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var context = new CliContext(output, error, overrides ?? new Dictionary<string, string?>(), quiet);
        var rest = args[1..];
        try
        {
            if (StorageCommands.Contains(args[0]) && DevelopmentStorage.From(context.BuildConfiguration()) is { } local)
            {
                await PrepareLocalStorageAsync(context, local, cancellationToken);
            }

            return args[0] switch
            {
                "check" => await InputCommands.CheckAsync(context, rest, cancellationToken),
                "extract" => await InputCommands.ExtractAsync(context, rest, cancellationToken),
                "feed" => await InputCommands.FeedAsync(context, rest, cancellationToken),
                "run" => await RunCommand.RunAsync(context, rest, cancellationToken),
                "matches" => await MatchesCommand.RunAsync(context, rest, cancellationToken),
                "feeds" => await FeedsCommand.RunAsync(context, rest, cancellationToken),
                "entities" => await EntitiesCommand.RunAsync(context, rest, cancellationToken),
                "volume" => await VolumeCommand.RunAsync(context, rest, cancellationToken),
                "purge" => await PurgeCommand.RunAsync(context, rest, cancellationToken),
                "backfill" => await BackfillCommand.RunAsync(context, rest, cancellationToken),
                "show" => await ShowCommand.RunAsync(context, rest, cancellationToken),
                "search" => await SearchCommand.RunAsync(context, rest, cancellationToken),
                "backtest" => await BacktestCommand.RunAsync(context, rest, cancellationToken),
                "config" => await ConfigCommand.RunAsync(context, rest, cancellationToken),
                "subscriptions" => await SubscriptionsCommand.RunAsync(context, rest, cancellationToken),
                "digest" => await DigestCommand.RunAsync(context, rest, cancellationToken),
                "demo" => await DemoCommand.RunAsync(context, rest, cancellationToken),
                "poison" => await PoisonCommand.RunAsync(context, rest, cancellationToken),
                "serve" => await ServeCommand.RunAsync(context, rest, cancellationToken),
                "feed-url" => await FeedUrlCommand.RunAsync(context, rest, cancellationToken),
                "azurite" => await AzuriteCommand.RunAsync(context, rest, cancellationToken),
                _ => throw new UsageException($"unknown command \"{args[0]}\"; run monitor --help"),
            };
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"monitor {args[0]}: {Shown(ex.Message)}");
            return 2;
        }
        catch (Exception ex) when (IsStorageUnreachable(ex))
        {
            var reason = (ex as AggregateException)?.InnerExceptions[^1].Message ?? ex.Message;
            await error.WriteLineAsync($"monitor {args[0]}: storage cannot be reached ({Shown(reason).ReplaceLineEndings(" ")}). {UnreachableHint(context)}");
            return 1;
        }
        catch (Exception ex) when (ex is WatchlistException or ConfigFileException or ConfigurationUnavailableException or InvalidDataException or OptionsValidationException or InvalidOperationException or Azure.RequestFailedException or DirectoryNotFoundException or FileNotFoundException)
        {
            // Messages can carry what a server or a file said: shown, never interpreted by the terminal.
            await error.WriteLineAsync($"monitor {args[0]}: {Shown(ex.Message)}");
            return 1;
        }
    }
}
