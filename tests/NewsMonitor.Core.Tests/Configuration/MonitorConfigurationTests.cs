using Microsoft.Extensions.Options;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Configuration;

/// <summary>Configuration files are read on demand and re-read when they change, without a restart.</summary>
public sealed class MonitorConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monitor-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AnEditedWatchlistIsPickedUpWithoutARestart()
    {
        var path = Path.Combine(folder, "watchlist.json");
        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"}]}""");
        var configuration = Create(new MonitorOptions { WatchlistPath = path });
        var first = await configuration.GetMatcherAsync();

        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta"}]}""");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var second = await configuration.GetMatcherAsync();

        Assert.NotSame(first, second);
        Assert.Single(first.Watchlist.Figures);
        Assert.Equal(2, second.Watchlist.Figures.Count);
    }

    [Fact]
    public async Task AnUnchangedWatchlistKeepsItsMatcher()
    {
        var path = Path.Combine(folder, "watchlist.json");
        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"}]}""");
        var configuration = Create(new MonitorOptions { WatchlistPath = path });

        var first = await configuration.GetMatcherAsync();

        Assert.Same(first, await configuration.GetMatcherAsync());
    }

    [Fact]
    public async Task AMissingWatchlistIsAWatchlistProblemNamingTheFile()
    {
        var path = Path.Combine(folder, "nothing.json");

        var error = await Assert.ThrowsAsync<WatchlistException>(() => Create(new MonitorOptions { WatchlistPath = path }).GetMatcherAsync());

        Assert.Contains(path, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feeds")]
    [InlineData("subscriptions")]
    public async Task AMissingFeedListOrSubscriptionsFileNamesThePath(string which)
    {
        var path = Path.Combine(folder, $"{which}.json");
        var configuration = Create(new MonitorOptions { FeedsPath = path, SubscriptionsPath = path });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => which == "feeds" ? configuration.GetFeedsAsync() : (Task)configuration.GetSubscriptionsAsync());

        Assert.StartsWith($"{path}: cannot read the file", error.Message, StringComparison.Ordinal);
    }

    private static MonitorConfiguration Create(MonitorOptions options)
        => new(Options.Create(options), new MonitorStorage(StorageConnection.FromConnectionString("UseDevelopmentStorage=true"), new StorageNames()), TimeProvider.System);
}
