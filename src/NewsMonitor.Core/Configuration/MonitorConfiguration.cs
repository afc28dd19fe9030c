using System.Text;
using Azure;
using Microsoft.Extensions.Options;
using NewsMonitor.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Configuration;

/// <summary>
/// Loads the watchlist, feed list and subscriptions — from files, or from the blob container named by
/// <see cref="MonitorOptions.ConfigContainer"/> in Azure — and reloads one when it changes, so an edit takes effect
/// without a restart; the matcher is rebuilt only when the watchlist changes.
/// </summary>
public sealed class MonitorConfiguration(IOptions<MonitorOptions> options, MonitorStorage storage, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CachedFile> files = new(StringComparer.Ordinal);
    private (string Source, string Version, MentionMatcher Matcher)? matcher;

    public async Task<MentionMatcher> GetMatcherAsync(CancellationToken cancellationToken = default)
    {
        CachedFile file;
        try
        {
            file = await ReadAsync(options.Value.WatchlistPath, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new WatchlistException(options.Value.WatchlistPath, [ex.Message]);
        }

        lock (gate)
        {
            if (matcher is { } cached && cached.Source == file.Source && cached.Version == file.Version)
            {
                return cached.Matcher;
            }
        }

        var built = new MentionMatcher(WatchlistLoader.Parse(file.Content, file.Source));
        lock (gate)
        {
            matcher = (file.Source, file.Version, built);
        }

        return built;
    }

    public async Task<IReadOnlyList<FeedSource>> GetFeedsAsync(CancellationToken cancellationToken = default)
    {
        var file = await ReadAsync(options.Value.FeedsPath, cancellationToken).ConfigureAwait(false);
        return FeedListLoader.Parse(Encoding.UTF8.GetString(file.Content), file.Source);
    }

    public async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        var file = await ReadAsync(options.Value.SubscriptionsPath, cancellationToken).ConfigureAwait(false);
        return SubscriptionLoader.Parse(Encoding.UTF8.GetString(file.Content), file.Source);
    }

    private Task<CachedFile> ReadAsync(string path, CancellationToken cancellationToken)
        => string.IsNullOrEmpty(options.Value.ConfigContainer) ? Task.FromResult(ReadFile(path)) : ReadBlobAsync(path, cancellationToken);

    private CachedFile ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        var stamp = File.Exists(full) ? File.GetLastWriteTimeUtc(full).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing";
        lock (gate)
        {
            if (files.TryGetValue(full, out var cached) && cached.Version == stamp)
            {
                return cached;
            }
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{full}: cannot read the file: {ex.Message}", ex);
        }

        var file = new CachedFile(full, stamp, content, clock.GetUtcNow());
        lock (gate)
        {
            files[full] = file;
        }

        return file;
    }

    /// <summary>Reads a configuration blob, asking storage for changes at most once per refresh interval.</summary>
    private async Task<CachedFile> ReadBlobAsync(string path, CancellationToken cancellationToken)
    {
        var container = storage.ConfigContainer(options.Value.ConfigContainer);
        var blob = container.GetBlobClient(Path.GetFileName(path));
        var source = $"{container.Name}/{blob.Name}";
        var now = clock.GetUtcNow();
        CachedFile? cached;
        lock (gate)
        {
            files.TryGetValue(source, out cached);
        }

        if (cached is not null && now - cached.CheckedAt < options.Value.ConfigRefreshInterval)
        {
            return cached;
        }

        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var version = properties.Value.ETag.ToString();
            var file = cached is not null && cached.Version == version
                ? cached with { CheckedAt = now }
                : new CachedFile(source, version, (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray(), now);
            lock (gate)
            {
                files[source] = file;
            }

            return file;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidDataException($"{source}: no such blob in the configuration container (upload the seeds with `monitor config push`)", ex);
        }
    }

    private sealed record CachedFile(string Source, string Version, byte[] Content, DateTimeOffset CheckedAt);
}
