using NewsMonitor.Delivery.Spikes;

namespace NewsMonitor.Tests.Delivery.Spikes;

public sealed class PoissonTailTests
{
    // Reference values from the Poisson distribution's survival function, P(X ≥ k) = sf(k - 1).
    public static TheoryData<int, double, double> Tails => new()
    {
        { 0, 3.0, 1.0 },
        { 1, 1.0, 0.6321205588 },
        { 6, 1.0, 0.0005941848 },
        { 3, 3.0, 0.5768099189 },
        { 20, 10.0, 0.0034543420 },
        { 5, 100.0, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Tails))]
    public void TheTailMatchesThePoissonDistribution(int k, double lambda, double expected)
    {
        Assert.Equal(expected, PoissonTail.AtLeast(k, lambda), 9);
    }

    [Fact]
    public void AVeryUnlikelyCountDoesNotOverflow()
    {
        var tail = PoissonTail.AtLeast(5000, 12);

        Assert.Equal(0, tail);
    }
}
