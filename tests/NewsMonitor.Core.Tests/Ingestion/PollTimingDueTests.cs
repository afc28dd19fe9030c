using NewsMonitor.Feeds;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Ingestion;

/// <summary><see cref="PollTiming.IsDue"/>: the scheduler's due rule, with feeds.json's <c>enabled</c> and <c>pollInterval</c>.</summary>
public sealed class PollTimingDueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly FeedSource Feed = new("a", "A", new Uri("https://a.example/feed"));

    public static TheoryData<string, FeedSource, FeedState, bool, bool> Cases => new()
    {
        { "a feed never polled", Feed, new FeedState(), false, true },
        { "a feed whose next poll has come", Feed, new FeedState { NextPollAt = Now }, false, true },
        { "a feed whose next poll is later", Feed, new FeedState { NextPollAt = Now.AddMinutes(1) }, false, false },
        { "a feed whose next poll is later, polled with --once", Feed, new FeedState { NextPollAt = Now.AddMinutes(1) }, true, true },
        { "a disabled feed never polled", Feed with { Enabled = false }, new FeedState(), false, false },
        { "a disabled feed, even with --once", Feed with { Enabled = false }, new FeedState(), true, false },
        { "a due feed polled less than its pollInterval ago", Feed with { PollInterval = TimeSpan.FromHours(2) }, new FeedState { NextPollAt = Now, LastPolledAt = Now.AddMinutes(-119) }, false, false },
        { "a due feed polled its pollInterval ago", Feed with { PollInterval = TimeSpan.FromHours(2) }, new FeedState { NextPollAt = Now, LastPolledAt = Now.AddHours(-2) }, false, true },
        { "a feed whose pollInterval has passed but whose server asked for later", Feed with { PollInterval = TimeSpan.FromMinutes(5) }, new FeedState { NextPollAt = Now.AddHours(1), LastPolledAt = Now.AddHours(-1) }, false, false },
        { "a feed with a pollInterval never polled", Feed with { PollInterval = TimeSpan.FromDays(1) }, new FeedState(), false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSchedulerPollsOnlyWhatIsDue(string name, FeedSource feed, FeedState state, bool all, bool due)
    {
        Assert.NotEmpty(name);

        Assert.Equal(due, PollTiming.IsDue(feed, state, Now, all));
    }
}
