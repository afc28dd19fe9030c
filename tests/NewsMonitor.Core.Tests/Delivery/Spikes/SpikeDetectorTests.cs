using NewsMonitor.Delivery.Spikes;

namespace NewsMonitor.Tests.Delivery.Spikes;

public sealed class SpikeDetectorTests
{
    private static readonly string[] None = [];

    private static readonly string[] SurgeHours = ["Wed 14", "Wed 15", "Wed 16", "Wed 17", "Wed 18"];

    // Each series replayed hour by hour over the judged week (the fifth): the hours whose 3-hour window fires.
    public static TheoryData<string, SpikeSensitivity, string[]> FiringHours => new()
    {
        // 12 in every window against a baseline of 12.
        { nameof(SyntheticSeries.Steady), SpikeSensitivity.Low, None },
        { nameof(SyntheticSeries.Steady), SpikeSensitivity.Medium, None },
        { nameof(SyntheticSeries.Steady), SpikeSensitivity.High, None },

        // Monday 09:00 goes from 3 to 22 in its window, as it did on the four Mondays before: the same hours of past
        // weeks are the baseline, so the working week's start is not news.
        { nameof(SyntheticSeries.WeeklyRhythm), SpikeSensitivity.Low, None },
        { nameof(SyntheticSeries.WeeklyRhythm), SpikeSensitivity.Medium, None },
        { nameof(SyntheticSeries.WeeklyRhythm), SpikeSensitivity.High, None },

        // 48, 104, 130, 94, 38 against 12: 4×, 8.7×, 10.8×, 7.8×, 3.2×. Low asks for 5×, medium 3×, high 2×.
        { nameof(SyntheticSeries.OneSurge), SpikeSensitivity.Low, ["Wed 15", "Wed 16", "Wed 17"] },
        { nameof(SyntheticSeries.OneSurge), SpikeSensitivity.Medium, SurgeHours },
        { nameof(SyntheticSeries.OneSurge), SpikeSensitivity.High, SurgeHours },

        // Each window is at most 1.05× the upper quartile of the day before it.
        { nameof(SyntheticSeries.SlowRise), SpikeSensitivity.Low, None },
        { nameof(SyntheticSeries.SlowRise), SpikeSensitivity.Medium, None },
        { nameof(SyntheticSeries.SlowRise), SpikeSensitivity.High, None },

        // 3 in a window is under every minimum count (5 at high).
        { nameof(SyntheticSeries.SilentThenThree), SpikeSensitivity.High, None },

        // 6 against the floor of 1: P(X ≥ 6) = 0.0006 passes high's 0.001, but medium asks for at least 10 mentions.
        { nameof(SyntheticSeries.SilentThenSix), SpikeSensitivity.Medium, None },
        { nameof(SyntheticSeries.SilentThenSix), SpikeSensitivity.High, ["Wed 15"] },
    };

    [Theory]
    [MemberData(nameof(FiringHours))]
    public void EachSeriesFiresAtExactlyTheseHours(string series, SpikeSensitivity sensitivity, string[] expected)
    {
        var replay = SpikeEpisodes.Replay(Series(series), SyntheticSeries.JudgedWeek, SyntheticSeries.JudgedWeek.AddDays(7), SpikeSettings.Of(sensitivity));

        Assert.Equal(expected, replay.Fired.Select(SyntheticSeries.Name));
    }

    [Fact]
    public void WithoutPastWeeksTheWorkingWeeksStartFiresUntilTheRecentLevelCatchesUp()
    {
        // Only the Sunday before the judged Monday is known: too little for a weekly or daily baseline, and its upper quartile is 1 an hour.
        var full = SyntheticSeries.WeeklyRhythm();
        var known = new HourlySeries(SyntheticSeries.JudgedWeek.AddDays(-1), full.Counts.Skip(27 * 24).ToArray());

        var replay = SpikeEpisodes.Replay(known, SyntheticSeries.JudgedWeek, SyntheticSeries.JudgedWeek.AddDays(1), SpikeSettings.Of(SpikeSensitivity.Low));

        Assert.Equal(["Mon 09", "Mon 10", "Mon 11", "Mon 12", "Mon 13", "Mon 14", "Mon 15", "Mon 16", "Mon 17"], replay.Fired.Select(SyntheticSeries.Name));
    }

    [Fact]
    public void WithFourDaysOfHistoryADailyBulletinIsUsual()
    {
        // 30 mentions at 08:00 every day from the Thursday before the judged week: no seasonal baseline yet, and the
        // upper quartile of a day with one busy hour is 0; the same hours of the past days are 30.
        var start = SyntheticSeries.JudgedWeek.AddDays(-4);
        var bulletin = new HourlySeries(start, Enumerable.Range(0, 11 * 24).Select(t => t % 24 == 8 ? 30 : 0).ToArray());

        var replay = SpikeEpisodes.Replay(bulletin, SyntheticSeries.JudgedWeek, SyntheticSeries.JudgedWeek.AddDays(7), SpikeSettings.Of(SpikeSensitivity.High));

        Assert.Empty(replay.Fired);
    }

    [Fact]
    public void AScoreSaysWhatItWasJudgedAgainst()
    {
        var score = SpikeDetector.Score(SyntheticSeries.OneSurge(), SyntheticSeries.At("Wed 16"), SpikeSettings.Of(SpikeSensitivity.Medium), SyntheticSeries.First);

        Assert.False(score.WarmingUp);
        Assert.Equal((130, 12.0, 12.0, 12.0, 12.0), (score.Count, score.Seasonal, score.Daily, score.Recent, score.Expected));
        Assert.True(score.Fires);
        Assert.True(score.TailProbability < 1e-30);
    }

    [Theory]
    [InlineData(48, true)]
    [InlineData(24, true)]
    [InlineData(23, false)]
    [InlineData(0, false)]
    public void NothingFiresUntilTheEntityHasBeenWatchedForADay(int watchedHoursBeforeTheWindow, bool fires)
    {
        var windowStart = SyntheticSeries.At("Wed 14");

        var score = SpikeDetector.Score(SyntheticSeries.OneSurge(), SyntheticSeries.At("Wed 16"), SpikeSettings.Of(SpikeSensitivity.High), windowStart.AddHours(-watchedHoursBeforeTheWindow));

        Assert.Equal((fires, !fires), (score.Fires, score.WarmingUp));
    }

    [Fact]
    public void AMinimumCountOfTheSubscriptionsOwnHoldsBackASmallSurge()
    {
        var settings = new SpikeSettings(SpikeSensitivity.High, MinCount: 50);

        var replay = SpikeEpisodes.Replay(SyntheticSeries.OneSurge(), SyntheticSeries.JudgedWeek, SyntheticSeries.JudgedWeek.AddDays(7), settings);

        Assert.Equal(["Wed 15", "Wed 16", "Wed 17"], replay.Fired.Select(SyntheticSeries.Name));
    }

    private static HourlySeries Series(string name) => name switch
    {
        nameof(SyntheticSeries.Steady) => SyntheticSeries.Steady(),
        nameof(SyntheticSeries.WeeklyRhythm) => SyntheticSeries.WeeklyRhythm(),
        nameof(SyntheticSeries.OneSurge) => SyntheticSeries.OneSurge(),
        nameof(SyntheticSeries.SlowRise) => SyntheticSeries.SlowRise(),
        nameof(SyntheticSeries.SilentThenThree) => SyntheticSeries.SilentThenThree(),
        nameof(SyntheticSeries.SilentThenSix) => SyntheticSeries.SilentThenSix(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such series"),
    };
}
