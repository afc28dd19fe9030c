using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Configuration;

/// <summary>
/// Loads the watchlist, feed list and subscriptions — from files, or from the blob container named by
/// <see cref="MonitorOptions.ConfigContainer"/> in Azure — and reloads one when it changes, so an edit takes effect
/// without a restart; the matcher is rebuilt only when the watchlist changes. Changes are transactional: a version that
/// does not validate never replaces the last good one, its problems are logged once and listed in <see cref="Problems"/>.
/// </summary>
public sealed partial class MonitorConfiguration(IOptions<MonitorOptions> options, MonitorStorage storage, TimeProvider clock, ILogger<MonitorConfiguration> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CachedFile> files = new(StringComparer.Ordinal);
    private readonly Slot<MentionMatcher> watchlist = new("watchlist");
    private readonly Slot<IReadOnlyList<FeedSource>> feeds = new("feeds");
    private readonly Slot<IReadOnlyList<Subscription>> subscriptions = new("subscriptions");

    /// <summary>The files whose latest version does not validate, as last read.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems
    {
        get
        {
            lock (gate)
            {
                return new[] { watchlist.Problem, feeds.Problem, subscriptions.Problem }.OfType<ConfigurationProblem>().ToList();
            }
        }
    }

    /// <exception cref="ConfigurationUnavailableException">The watchlist has never validated.</exception>
    public Task<MentionMatcher> GetMatcherAsync(CancellationToken cancellationToken = default)
        => LoadAsync(watchlist, options.Value.WatchlistPath, file => new MentionMatcher(WatchlistLoader.Parse(file.Content, file.Source)), cancellationToken);

    /// <exception cref="ConfigurationUnavailableException">The feed list has never validated.</exception>
    public Task<IReadOnlyList<FeedSource>> GetFeedsAsync(CancellationToken cancellationToken = default)
        => LoadAsync(feeds, options.Value.FeedsPath, file => FeedListLoader.Parse(Encoding.UTF8.GetString(file.Content), file.Source), cancellationToken);

    /// <summary>
    /// The feed list's categories, for a filter that asks for <paramref name="asked"/>; none asked, the feed list is not
    /// read, so a digest without a category filter does not wait on a broken feeds.json.
    /// </summary>
    /// <exception cref="ConfigurationUnavailableException">Categories are asked for and the feed list has never validated.</exception>
    public async Task<FeedCategories> GetFeedCategoriesAsync(IReadOnlyCollection<string> asked, CancellationToken cancellationToken = default)
        => asked.Count == 0 ? FeedCategories.Empty : new FeedCategories(await GetFeedsAsync(cancellationToken).ConfigureAwait(false));

    /// <exception cref="ConfigurationUnavailableException">The subscriptions file has never validated.</exception>
    public Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(CancellationToken cancellationToken = default)
        => LoadAsync(subscriptions, options.Value.SubscriptionsPath, file => SubscriptionLoader.Parse(Encoding.UTF8.GetString(file.Content), file.Source), cancellationToken);

    /// <summary>Reads all three files now; what comes back is what <see cref="Problems"/> then holds.</summary>
    public async Task<IReadOnlyList<ConfigurationProblem>> CheckAsync(CancellationToken cancellationToken = default)
    {
        foreach (var load in new Func<CancellationToken, Task>[] { GetMatcherAsync, GetFeedsAsync, GetSubscriptionsAsync })
        {
            try
            {
                await load(cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigurationUnavailableException)
            {
                // Listed in Problems.
            }
        }

        return Problems;
    }

    private async Task<T> LoadAsync<T>(Slot<T> slot, string path, Func<CachedFile, T> parse, CancellationToken cancellationToken)
        where T : class
    {
        CachedFile file;
        try
        {
            file = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            await RestoreLastGoodAsync(slot, path, parse, cancellationToken).ConfigureAwait(false);
            return Reject(slot, path, "unreadable: " + ex.Message, ex);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex) && slot.Good is { } good)
        {
            // The configuration blob is out of reach for a moment: what was read last is still the configuration.
            return good.Value;
        }

        lock (gate)
        {
            if (slot.Good is { } good && good.Source == file.Source && good.Version == file.Version)
            {
                return good.Value;
            }

            if (slot.Problem is { } known && slot.RejectedVersion == file.Source + "|" + file.Version)
            {
                return slot.Good?.Value ?? throw new ConfigurationUnavailableException(known, slot.RejectedBecause!);
            }
        }

        T value;
        try
        {
            value = parse(file);
        }
        catch (Exception ex) when (ex is WatchlistException or ConfigFileException or InvalidDataException)
        {
            await RestoreLastGoodAsync(slot, path, parse, cancellationToken).ConfigureAwait(false);
            return Reject(slot, file.Source, file.Source + "|" + file.Version, ex);
        }

        lock (gate)
        {
            slot.Good = new Loaded<T>(file.Source, file.Version, value, clock.GetUtcNow());
            slot.Problem = null;
            slot.RejectedVersion = null;
            slot.RejectedBecause = null;
        }

        await KeepLastGoodAsync(path, file, cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>
    /// In storage, a validated version is also copied to <c>last-good/{name}</c>, so an instance that starts after a
    /// bad upload runs on the last good configuration instead of waiting.
    /// </summary>
    private async Task KeepLastGoodAsync(string path, CachedFile file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.ConfigContainer))
        {
            return;
        }

        try
        {
            await LastGoodBlob(path).UploadAsync(new BinaryData(file.Content), overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            // The version in memory is good; only a later cold start misses the copy.
            LogLastGoodNotKept(file.Source, ex.Message);
        }
    }

    /// <summary>Once per file, when no version has validated yet: the copy <see cref="KeepLastGoodAsync"/> made, if any.</summary>
    private async Task RestoreLastGoodAsync<T>(Slot<T> slot, string path, Func<CachedFile, T> parse, CancellationToken cancellationToken)
        where T : class
    {
        lock (gate)
        {
            if (string.IsNullOrEmpty(options.Value.ConfigContainer) || slot.Good is not null || slot.RestoreTried)
            {
                return;
            }

            slot.RestoreTried = true;
        }

        var blob = LastGoodBlob(path);
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var file = new CachedFile($"{blob.BlobContainerName}/{blob.Name}", download.Details.ETag.ToString(), download.Content.ToArray(), clock.GetUtcNow());
            var value = parse(file);
            lock (gate)
            {
                slot.Good = new Loaded<T>(file.Source, file.Version, value, download.Details.LastModified);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or WatchlistException or ConfigFileException or InvalidDataException)
        {
            // No copy, or none that validates: work that needs the file waits until it is fixed.
        }
    }

    private Azure.Storage.Blobs.BlobClient LastGoodBlob(string path)
        => storage.ConfigContainer(options.Value.ConfigContainer).GetBlobClient("last-good/" + Path.GetFileName(path));

    /// <summary>Records a version that does not validate, logs it the first time, and falls back on the last good one.</summary>
    private T Reject<T>(Slot<T> slot, string source, string version, Exception error)
        where T : class
    {
        ConfigurationProblem problem;
        bool isNew;
        lock (gate)
        {
            isNew = slot.RejectedVersion != version;
            if (isNew)
            {
                var problems = error switch
                {
                    WatchlistException watchlistError => watchlistError.Problems,
                    ConfigFileException fileError => fileError.Problems,
                    _ => [WithoutSource(error.Message, source)],
                };
                slot.Problem = new ConfigurationProblem(slot.File, source, problems, clock.GetUtcNow(), slot.Good?.LoadedAt);
                slot.RejectedVersion = version;
                slot.RejectedBecause = error;
            }

            problem = slot.Problem!;
        }

        if (isNew)
        {
            LogRejected(problem.ToString());
        }

        return slot.Good?.Value ?? throw new ConfigurationUnavailableException(problem, error);
    }

    private static string WithoutSource(string message, string source)
        => message.StartsWith(source + ": ", StringComparison.Ordinal) ? message[(source.Length + 2)..] : message;

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
        var blob = storage.ConfigBlob(options.Value.ConfigContainer, path);
        var source = $"{blob.BlobContainerName}/{blob.Name}";
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} validated but could not be kept as the last good copy: {Error}")]
    private partial void LogLastGoodNotKept(string source, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration rejected: {Problem}")]
    private partial void LogRejected(string problem);

    private sealed record CachedFile(string Source, string Version, byte[] Content, DateTimeOffset CheckedAt);

    private sealed record Loaded<T>(string Source, string Version, T Value, DateTimeOffset LoadedAt);

    /// <summary>One file's last good version and, while its latest version does not validate, why.</summary>
    private sealed class Slot<T>(string file)
    {
        public string File { get; } = file;

        public Loaded<T>? Good { get; set; }

        public ConfigurationProblem? Problem { get; set; }

        public string? RejectedVersion { get; set; }

        public Exception? RejectedBecause { get; set; }

        public bool RestoreTried { get; set; }
    }
}
