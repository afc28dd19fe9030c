using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Reading;

namespace NewsMonitor.Tests.Reading;

public sealed class SpikeMarkTests
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EpisodesOfSeveralSettingsOverTheSameHoursAreOneMarkWithTheHighestRatio()
    {
        var marks = SpikeMark.Of(
        [
            Episode("high-5", Hour.AddHours(5), Hour.AddHours(5), 9, 3),
            Episode("medium-10", Hour, Hour.AddHours(2), 12, 2),
            Episode("low-20", Hour, Hour.AddHours(2), 12, 1.5),
        ]);

        Assert.Equal(
            [new SpikeMark(Hour, Hour.AddHours(3), 12, 8), new SpikeMark(Hour.AddHours(5), Hour.AddHours(6), 9, 3)],
            marks);
    }

    private static SpikeEpisode Episode(string setting, DateTimeOffset start, DateTimeOffset lastFired, int count, double expected)
        => new("vladimir-putin", setting, start, lastFired, count, expected, count, SpikeEpisode.Delivered, start);
}
