using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Spikes;

public sealed class SpikeRenderingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, double, string> Headlines => new()
    {
        { 140, 6.04, "Vladimir Putin: 140 articles in 3 h, 6× usual" },
        { 48, 4.0, "Vladimir Putin: 48 articles in 3 h, 4× usual" },
        { 38, 3.1666, "Vladimir Putin: 38 articles in 3 h, 3.2× usual" },
        { 130, 10.83, "Vladimir Putin: 130 articles in 3 h, 11× usual" },
    };

    [Theory]
    [MemberData(nameof(Headlines))]
    public void TheHeadlineSaysHowManyInHowLongAndHowManyTimesUsual(int count, double ratio, string expected)
    {
        Assert.Equal(expected, new SpikeNote("vladimir-putin", "Vladimir Putin", Start, count, 3, ratio).Headline);
    }

    [Fact]
    public void ADigestListsItsSpikesInBothPartsInTheSubscriptionsZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var digest = new Digest("desk", "Desk", Start.AddHours(-12), Start.AddHours(6), [])
        {
            Spikes = [new SpikeNote("acme", "<b>Acme</b>", Start, 140, 3, 6)],
            TimeZone = berlin,
        };

        var html = DigestRenderer.Html(digest);
        var text = DigestRenderer.Text(digest);

        Assert.Contains("Spikes:\n  <b>Acme</b>: 140 articles in 3 h, 6× usual, from 2026-12-01 14:00 UTC+01:00 (Europe/Berlin)\n", text, StringComparison.Ordinal);
        Assert.Contains("<li>&lt;b&gt;Acme&lt;/b&gt;: 140 articles in 3 h, 6&#215; usual, from 2026-12-01 14:00 UTC+01:00 (Europe/Berlin)</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ADigestWithoutSpikesHasNoSpikesBlock()
    {
        var digest = new Digest("desk", "Desk", Start.AddHours(-12), Start, []);

        Assert.DoesNotContain("Spikes", DigestRenderer.Text(digest), StringComparison.Ordinal);
        Assert.DoesNotContain("Spikes", DigestRenderer.Html(digest), StringComparison.Ordinal);
    }
}
