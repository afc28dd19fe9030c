using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Cli.Terminal;

namespace NewsMonitor.IntegrationTests;

/// <summary>What the CLI's logger shows, and when: one line per event, retries and traces only for --verbose, repeats collapsed.</summary>
public sealed class CompactLoggingTests
{
    private const string Esc = "\u001b";

    public static TheoryData<string, string, string, LogLevel, bool> Shown => new()
    {
        { "a pipeline warning by default", "run --once", "NewsMonitor.Ingestion.FeedPoller", LogLevel.Warning, true },
        { "no pipeline information for run --once", "run --once", "NewsMonitor.Ingestion.FeedScheduler", LogLevel.Information, false },
        { "pipeline information for a long run", "run", "NewsMonitor.Ingestion.FeedScheduler", LogLevel.Information, true },
        { "no pipeline information with --quiet", "run --quiet", "NewsMonitor.Ingestion.FeedScheduler", LogLevel.Information, false },
        { "warnings even with --quiet", "run --quiet", "NewsMonitor.Ingestion.FeedPoller", LogLevel.Warning, true },
        { "no Polly retry by default", "run", "Polly", LogLevel.Warning, false },
        { "no Polly give-up by default: the stage logs the failure", "run", "Polly", LogLevel.Error, false },
        { "Polly retries with --verbose", "run --once --verbose", "Polly", LogLevel.Warning, true },
        { "no Azure SDK error response by default", "run --once", "Azure.Core", LogLevel.Warning, false },
        { "Azure SDK error responses with --verbose", "run --once --verbose", "Azure.Core", LogLevel.Warning, true },
        { "no Azure SDK request trace even with --verbose", "run --once --verbose", "Azure.Core", LogLevel.Information, false },
        { "no HTTP client trace even with --verbose", "run --once --verbose", "System.Net.Http.HttpClient.feeds.LogicalHandler", LogLevel.Information, false },
        { "WebJobs host information with --verbose", "run --once --verbose", "Function.PollFeed", LogLevel.Information, true },
        { "no WebJobs host information in a long run", "run", "Function.PollFeed", LogLevel.Information, false },
        { "a failed WebJobs function by default", "run --once", "Function.PollFeed", LogLevel.Error, true },
        { "no debug even with --verbose", "run --verbose", "NewsMonitor.Ingestion.FeedPoller", LogLevel.Debug, false },
    };

    public static TheoryData<string, string, LogLevel, string, bool, string> Formatted => new()
    {
        { "level and class, not namespace", "NewsMonitor.Ingestion.FeedPoller", LogLevel.Warning, "Feed a failed", false, "warn FeedPoller: Feed a failed" },
        { "a WebJobs function keeps its prefix", "Function.PollFeed", LogLevel.Error, "Executed 'PollFeed' (Failed)", false, "fail Function.PollFeed: Executed 'PollFeed' (Failed)" },
        { "credentials in a URL are masked", "NewsMonitor.Ingestion.FeedPoller", LogLevel.Warning, "Feed a (https://u:pw@a.example/rss?token=t) failed", false, "warn FeedPoller: Feed a (https://u:***@a.example/rss?token=***) failed" },
        { "a control character is shown, not acted on", "NewsMonitor.Ingestion.FeedPoller", LogLevel.Warning, $"title {Esc}[2J", false, @"warn FeedPoller: title \u001B[2J" },
        { "a list of problems keeps one per line, indented", "NewsMonitor.Configuration.MonitorConfiguration", LogLevel.Error, "feeds.json: 2 problem(s):\n  a\n  b", false, "fail MonitorConfiguration: feeds.json: 2 problem(s):|      a|      b" },
    };

    [Theory]
    [MemberData(nameof(Shown))]
    public void EachCategoryAndLevelIsShownOnlyWhereItHelps(string why, string command, string category, LogLevel level, bool expected)
    {
        var rules = new LogRules(Events: !command.Contains("--once", StringComparison.Ordinal), Verbose: command.Contains("--verbose", StringComparison.Ordinal), Quiet: command.Contains("--quiet", StringComparison.Ordinal));

        var shown = rules.Shows(category, level);

        Assert.True(expected == shown, why);
    }

    // Expected output writes a line break as | so each row stays on one line.
    [Theory]
    [MemberData(nameof(Formatted))]
    public void AnEventIsFormattedAsOneLine(string why, string category, LogLevel level, string message, bool stackTraces, string expected)
    {
        var line = CompactLoggerProvider.Format(category, level, message, null, stackTraces);

        Assert.True(expected.Replace("|", "\n", StringComparison.Ordinal) == line, $"{why}: got {line}");
    }

    [Fact]
    public void AnExceptionIsItsTypeAndMessageOnTheSameLineWithoutVerbose()
    {
        var error = Thrown(new HttpRequestException("Connection refused (127.0.0.1:9)"));

        var line = CompactLoggerProvider.Format("Function.PollFeed", LogLevel.Error, "Executed 'PollFeed' (Failed)", error, stackTraces: false);

        Assert.Equal("fail Function.PollFeed: Executed 'PollFeed' (Failed) (HttpRequestException: Connection refused (127.0.0.1:9))", line);
    }

    [Fact]
    public void AnExceptionAlreadyQuotedInTheMessageIsNotRepeated()
    {
        var error = Thrown(new HttpRequestException("the server answered 503"));

        var line = CompactLoggerProvider.Format("NewsMonitor.Ingestion.FeedPoller", LogLevel.Warning, "Feed a failed: the server answered 503", error, stackTraces: false);

        Assert.Equal("warn FeedPoller: Feed a failed: the server answered 503", line);
    }

    [Fact]
    public void VerboseAddsTheStackTraceIndentedUnderTheEvent()
    {
        var error = Thrown(new InvalidOperationException("boom"));

        var lines = CompactLoggerProvider.Format("Function.PollFeed", LogLevel.Error, "Executed 'PollFeed' (Failed)", error, stackTraces: true).Split('\n');

        Assert.Equal("fail Function.PollFeed: Executed 'PollFeed' (Failed)", lines[0]);
        Assert.Equal("    System.InvalidOperationException: boom", lines[1]);
        Assert.Contains(lines, line => line.StartsWith("       at ", StringComparison.Ordinal));
    }

    // The WebJobs SDK logs a failed function's result for its state, with a null message and the exception.
    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "fail Results:  (InvalidOperationException: boom)\n")]
    public void AnEventWithoutAMessageShowsItsExceptionOrNothing(bool withException, string expected)
    {
        using var writer = new StringWriter();
        using var provider = new CompactLoggerProvider(new TerminalLines(writer, interactive: false), new LogRules(Events: true, Verbose: false, Quiet: false));
        var logger = provider.CreateLogger("Host.Results");
        var state = new object();
        var error = withException ? Thrown(new InvalidOperationException("boom")) : null;

        logger.Log(LogLevel.Error, default, state, error, (_, _) => null!);

        Assert.Equal(expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal), writer.ToString());
    }

    [Fact]
    public void ALineRepeatedIsWrittenOnceAndItsCountWhenAnotherLineComes()
    {
        var clock = new FakeTimeProvider();
        using var writer = new StringWriter();
        var terminal = new TerminalLines(writer, interactive: false, clock);

        terminal.WriteLine("info FeedScheduler: Scheduled 4 of 4 feeds");
        for (var i = 0; i < 21; i++)
        {
            terminal.WriteLine("info FeedScheduler: Scheduled 0 of 4 feeds");
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        terminal.WriteLine("warn FeedPoller: Feed a failed");
        terminal.WriteLine("info FeedScheduler: Scheduled 0 of 4 feeds");
        terminal.WriteLine("info FeedScheduler: Scheduled 0 of 4 feeds");
        terminal.FlushRepeats();

        Assert.Equal(
            [
                "info FeedScheduler: Scheduled 4 of 4 feeds",
                "info FeedScheduler: Scheduled 0 of 4 feeds",
                "  … the line above 20 more time(s) in 40 s",
                "warn FeedPoller: Feed a failed",
                "info FeedScheduler: Scheduled 0 of 4 feeds",
                "  … the line above 1 more time(s) in 0 s",
            ],
            writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void AStatusLineIsErasedBeforeALineAndDrawnAgainAfterIt()
    {
        using var writer = new StringWriter();
        var terminal = new TerminalLines(writer, interactive: true);

        terminal.Status("feeds 1/4");
        terminal.WriteLine("warn FeedPoller: Feed a failed");
        terminal.Status(null);

        Assert.Equal($"\r{Esc}[2Kfeeds 1/4\r{Esc}[2Kwarn FeedPoller: Feed a failed{Environment.NewLine}feeds 1/4\r{Esc}[2K", writer.ToString());
    }

    [Fact]
    public void WithoutATerminalThereIsNoStatusLineAndNoEscapeSequence()
    {
        using var writer = new StringWriter();
        var terminal = TerminalLines.For(writer, quiet: false);

        terminal.Status("feeds 1/4");
        terminal.WriteLine("warn FeedPoller: Feed a failed");
        terminal.Status(null);

        Assert.False(terminal.Interactive);
        Assert.Equal("warn FeedPoller: Feed a failed" + Environment.NewLine, writer.ToString());
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
