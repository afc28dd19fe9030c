using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Http;

namespace NewsMonitor.Tests.Http;

/// <summary>The per-host gate on a clock moved by hand, so every wait is exact and no test depends on the machine's speed.</summary>
public sealed class HostPolitenessTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly Uri Page = new("https://news.example/a");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EachStartAtAHostWaitsTheIntervalAfterThePreviousOne()
    {
        var politeness = Politeness(slots: 3);

        var turns = Enumerable.Range(0, 3).Select(_ => politeness.EnterAsync(Page, CancellationToken.None)).ToList();

        Assert.True(turns[0].IsCompletedSuccessfully);
        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(turns[1].IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await turns[1].WaitAsync(Settle);
        Assert.False(turns[2].IsCompleted);
        clock.Advance(Interval);
        await turns[2].WaitAsync(Settle);
    }

    [Fact]
    public async Task AnotherHostDoesNotWaitItsTurn()
    {
        var politeness = Politeness(slots: 3);

        using var first = await politeness.EnterAsync(Page, CancellationToken.None);
        var other = politeness.EnterAsync(new Uri("https://wire.example/b"), CancellationToken.None);
        var sameHostOtherCase = politeness.EnterAsync(new Uri("https://NEWS.example/c"), CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(sameHostOtherCase.IsCompleted);
        clock.Advance(Interval);
        (await sameHostOtherCase.WaitAsync(Settle)).Dispose();
        (await other).Dispose();
    }

    [Fact]
    public async Task ARequestBeyondTheSlotsWaitsForOneToBeGivenBackAndASlotGivenBackTwiceCountsOnce()
    {
        var politeness = Politeness(slots: 1);

        var first = await politeness.EnterAsync(Page, CancellationToken.None);
        var second = politeness.EnterAsync(Page, CancellationToken.None);
        clock.Advance(Interval);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose();
        var held = await second.WaitAsync(Settle);
        var third = politeness.EnterAsync(Page, CancellationToken.None);
        clock.Advance(Interval);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        held.Dispose();
        (await third.WaitAsync(Settle)).Dispose();
    }

    [Fact]
    public async Task ARequestCancelledWhileWaitingItsTurnGivesItsSlotBack()
    {
        var politeness = Politeness(slots: 1);
        using var cancel = new CancellationTokenSource();

        var first = await politeness.EnterAsync(Page, CancellationToken.None);
        first.Dispose();
        var waiting = politeness.EnterAsync(Page, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        clock.Advance(Interval * 2);
        (await politeness.EnterAsync(Page, CancellationToken.None).WaitAsync(Settle)).Dispose();
    }

    private HostPoliteness Politeness(int slots)
        => new(Options.Create(new OutboundHttpOptions { MaxConcurrentPerHost = slots, MinIntervalPerHost = Interval }), clock);
}
