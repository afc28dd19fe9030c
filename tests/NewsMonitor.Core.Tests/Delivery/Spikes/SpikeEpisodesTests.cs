using NewsMonitor.Delivery.Spikes;

namespace NewsMonitor.Tests.Delivery.Spikes;

public sealed class SpikeEpisodesTests
{
    // Two surges like OneSurge's, the second so many hours after the first; medium fires five hours of each. A fire
    // within six hours of the episode's last firing hour belongs to it: one alert.
    public static TheoryData<int, string[]> Starts => new()
    {
        { 8, ["Wed 14"] },
        { 10, ["Wed 14"] },
        { 12, ["Wed 14", "Thu 02"] },
        { 48, ["Wed 14", "Fri 14"] },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void ASurgeThatReturnsWithinTheCoolDownIsTheSameEpisode(int hoursLater, string[] expected)
    {
        var replay = SpikeEpisodes.Replay(SyntheticSeries.TwoSurges(hoursLater), SyntheticSeries.JudgedWeek, SyntheticSeries.JudgedWeek.AddDays(7), SpikeSettings.Of(SpikeSensitivity.Medium));

        Assert.Equal(10, replay.Fired.Count);
        Assert.Equal(expected, replay.EpisodeStarts.Select(SyntheticSeries.Name));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void AFireContinuesTheEpisodeUpToSixHoursAfterItsLastFire(int hoursAfter, bool continues)
    {
        var last = SyntheticSeries.At("Wed 18");

        Assert.Equal(continues, SpikeEpisodes.Continues(last, last.AddHours(hoursAfter)));
    }
}
