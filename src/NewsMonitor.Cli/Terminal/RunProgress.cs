using System.Globalization;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.Cli.Terminal;

/// <summary>
/// The progress of a local run (<c>run</c>, <c>run --once</c>, <c>demo</c>): on a terminal a status line, redrawn four
/// times a second, of feeds polled, articles processed and matched with their rates; at the end, unless <c>--quiet</c>,
/// one plain line with the totals and rates, which is all a redirected run shows of it.
/// </summary>
internal sealed class RunProgress : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TerminalLines terminal;
    private readonly RunSummary summary;
    private readonly int? feeds;
    private readonly bool quiet;
    private readonly TimeProvider clock;
    private readonly long started;
    private readonly CancellationTokenSource stop = new();
    private readonly Task drawing;

    private RunProgress(TerminalLines terminal, RunSummary summary, int? feeds, bool quiet, TimeProvider clock)
    {
        this.terminal = terminal;
        this.summary = summary;
        this.feeds = feeds;
        this.quiet = quiet;
        this.clock = clock;
        started = clock.GetTimestamp();
        drawing = terminal.Interactive ? DrawAsync(stop.Token) : Task.CompletedTask;
    }

    /// <param name="feeds">How many feeds this run polls, when known (<c>--once</c> polls them all).</param>
    public static RunProgress Start(TerminalLines terminal, RunSummary summary, int? feeds, bool quiet, TimeProvider? clock = null)
        => new(terminal, summary, feeds, quiet, clock ?? TimeProvider.System);

    /// <summary>The status line: <c>feeds 3/4 (1.5/s) · articles 42/60 (3.1/s) · 5 matched · 14 s</c>.</summary>
    public static string Status(RunSummary summary, int? feeds, TimeSpan elapsed)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"feeds {summary.FeedsPolled}{(feeds is { } total ? $"/{total}" : string.Empty)} ({Rate(summary.FeedsPolled, elapsed)}) · articles {summary.ArticlesProcessed}/{summary.ItemsNew} ({Rate(summary.ArticlesProcessed, elapsed)}) · {summary.ArticlesMatched} matched · {Elapsed(elapsed)}");

    /// <summary>The closing line: <c>Done in 24.1 s: 4 feeds polled (0.2/s), 60 articles processed (2.5/s), 5 matched.</c></summary>
    public static string Done(RunSummary summary, TimeSpan elapsed)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"Done in {elapsed.TotalSeconds:0.0} s: {summary.FeedsPolled} feeds polled ({Rate(summary.FeedsPolled, elapsed)}), {summary.ArticlesProcessed} articles processed ({Rate(summary.ArticlesProcessed, elapsed)}), {summary.ArticlesMatched} matched.");

    /// <summary>Per second while there is at least one a second, else per minute (a long <c>run</c> polls a few feeds a minute).</summary>
    public static string Rate(int count, TimeSpan elapsed)
    {
        var perSecond = elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;
        return perSecond >= 1 || count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.0}/s")
            : string.Create(CultureInfo.InvariantCulture, $"{perSecond * 60:0.0}/min");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await drawing.ConfigureAwait(false);
        stop.Dispose();
        terminal.Status(null);
        if (!quiet)
        {
            terminal.WriteLine(Done(summary, clock.GetElapsedTime(started)));
        }
    }

    private static string Elapsed(TimeSpan elapsed) => elapsed.TotalMinutes < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}");

    private async Task DrawAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                terminal.Status(Status(summary, feeds, clock.GetElapsedTime(started)));
                await Task.Delay(Interval, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended: DisposeAsync removes the line.
        }
    }
}
