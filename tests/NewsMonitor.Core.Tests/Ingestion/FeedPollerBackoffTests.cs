using NewsMonitor.Configuration;
using NewsMonitor.Ingestion;

namespace NewsMonitor.Tests.Ingestion;

public sealed class FeedPollerBackoffTests
{
    private const int Samples = 500;

    // Default options: a 10-minute poll interval, at most 6 hours.
    public static TheoryData<int, bool, double> DefaultDelays => new()
    {
        { 1, false, 600 },
        { 2, false, 1200 },
        { 3, false, 2400 },
        { 5, false, 9600 },
        { 6, false, 19200 },
        { 7, false, 21600 },
        { 30, false, 21600 },
        { 1000, false, 21600 },
        { 1, true, 2400 },
        { 2, true, 4800 },
        { 4, true, 19200 },
        { 5, true, 21600 },
    };

    [Theory]
    [MemberData(nameof(DefaultDelays))]
    public void DelayIsTheDoubledIntervalWithTwentyPercentJitterUnderTheCap(int failures, bool permanent, double baseSeconds)
    {
        var options = new MonitorOptions();

        var delays = Enumerable.Range(0, Samples).Select(_ => PollTiming.Backoff(failures, permanent, options).TotalSeconds).ToList();

        Assert.All(delays, seconds => Assert.InRange(seconds, 0.8 * baseSeconds, Math.Min(1.2 * baseSeconds, options.MaxBackoff.TotalSeconds)));
    }

    [Fact]
    public void DelayGrowsWithEachFailureUntilTheCap()
    {
        var options = new MonitorOptions();

        var ranges = Enumerable.Range(1, 5)
            .Select(failures => Enumerable.Range(0, Samples).Select(_ => PollTiming.Backoff(failures, false, options)).ToList())
            .Select(delays => (Min: delays.Min(), Max: delays.Max()))
            .ToList();

        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.True(pair.Second.Min > pair.First.Max, $"{pair.Second.Min} <= {pair.First.Max}"));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(10, false)]
    [InlineData(int.MaxValue, false)]
    [InlineData(int.MaxValue, true)]
    public void DelayNeverExceedsTheConfiguredMaximum(int failures, bool permanent)
    {
        var options = new MonitorOptions { PollInterval = TimeSpan.FromMinutes(5), MaxBackoff = TimeSpan.FromMinutes(30) };

        var delays = Enumerable.Range(0, Samples).Select(_ => PollTiming.Backoff(failures, permanent, options)).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void PermanentErrorsWaitFourTimesLonger()
    {
        var options = new MonitorOptions();

        var transient = Enumerable.Range(0, Samples).Max(_ => PollTiming.Backoff(1, false, options));
        var permanent = Enumerable.Range(0, Samples).Min(_ => PollTiming.Backoff(1, true, options));

        Assert.True(permanent > 2 * transient, $"{permanent} <= 2 × {transient}");
    }
}
