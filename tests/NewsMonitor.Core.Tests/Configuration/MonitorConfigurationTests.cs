using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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

        var error = await Assert.ThrowsAsync<ConfigurationUnavailableException>(() => Create(new MonitorOptions { WatchlistPath = path }).GetMatcherAsync());

        Assert.Contains(path, Assert.Single(error.Problem.Problems), StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AWatchlistSavedBrokenKeepsTheLastGoodOneAndIsReportedOnce()
    {
        var path = Path.Combine(folder, "watchlist.json");
        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"}]}""");
        var logger = new CountingLogger();
        var configuration = Create(new MonitorOptions { WatchlistPath = path }, logger);
        var good = await configuration.GetMatcherAsync();

        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"},{"id":"b"}""");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var during = new[] { await configuration.GetMatcherAsync(), await configuration.GetMatcherAsync(), await configuration.GetMatcherAsync() };

        Assert.All(during, matcher => Assert.Same(good, matcher));
        var problem = Assert.Single(configuration.Problems);
        Assert.Equal("watchlist", problem.File);
        Assert.NotNull(problem.InUseSince);
        Assert.Contains("not valid JSON", Assert.Single(problem.Problems), StringComparison.Ordinal);
        Assert.Equal(1, logger.Errors);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AFixedWatchlistReplacesTheLastGoodOneAndClearsTheProblem()
    {
        var path = Path.Combine(folder, "watchlist.json");
        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"}]}""");
        var configuration = Create(new MonitorOptions { WatchlistPath = path });
        await configuration.GetMatcherAsync();
        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a"}]}""");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        await configuration.GetMatcherAsync();

        await File.WriteAllTextAsync(path, """{"figures":[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta"}]}""");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(10));
        var fixedMatcher = await configuration.GetMatcherAsync();

        Assert.Equal(2, fixedMatcher.Watchlist.Figures.Count);
        Assert.Empty(configuration.Problems);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task CheckListsEveryFileThatDoesNotValidate()
    {
        var watchlist = Path.Combine(folder, "watchlist.json");
        var feeds = Path.Combine(folder, "feeds.json");
        var subscriptions = Path.Combine(folder, "subscriptions.json");
        await File.WriteAllTextAsync(watchlist, """{"figures":[{"id":"a","name":"Alpha"}]}""");
        await File.WriteAllTextAsync(feeds, """{"feeds":[{"id":"x","url":"not a url"}]}""");
        await File.WriteAllTextAsync(subscriptions, """{"subscriptions":[]}""");
        var configuration = Create(new MonitorOptions { WatchlistPath = watchlist, FeedsPath = feeds, SubscriptionsPath = subscriptions });

        var problems = await configuration.CheckAsync();

        var problem = Assert.Single(problems);
        Assert.Equal("feeds", problem.File);
        Assert.Null(problem.InUseSince);
        Assert.Contains("not a url", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feeds")]
    [InlineData("subscriptions")]
    public async Task AMissingFeedListOrSubscriptionsFileNamesThePath(string which)
    {
        var path = Path.Combine(folder, $"{which}.json");
        var configuration = Create(new MonitorOptions { FeedsPath = path, SubscriptionsPath = path });

        var error = await Assert.ThrowsAsync<ConfigurationUnavailableException>(() => which == "feeds" ? configuration.GetFeedsAsync() : (Task)configuration.GetSubscriptionsAsync());

        Assert.StartsWith($"{path}: cannot read the file", error.Message, StringComparison.Ordinal);
    }

    private static MonitorConfiguration Create(MonitorOptions options, ILogger<MonitorConfiguration>? logger = null)
        => new(Options.Create(options), new MonitorStorage(StorageConnection.FromConnectionString("UseDevelopmentStorage=true"), new StorageNames()), TimeProvider.System, logger ?? NullLogger<MonitorConfiguration>.Instance);

    private sealed class CountingLogger : ILogger<MonitorConfiguration>
    {
        public int Errors { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Errors++;
            }
        }
    }
}
