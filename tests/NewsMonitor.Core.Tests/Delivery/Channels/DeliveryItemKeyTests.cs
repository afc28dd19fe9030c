using NewsMonitor.Delivery.Channels;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>The ledger's item keys: one spelling per kind of item, in UTC, storable as part of a row key.</summary>
public sealed class DeliveryItemKeyTests
{
    private static readonly DateTimeOffset Berlin0705 = new(2026, 3, 20, 7, 5, 42, TimeSpan.FromHours(1));

    public static TheoryData<string, string, string> Keys => new()
    {
        { "an alert", DeliveryItemKey.Alert("0123456789abcdef0123456789abcdef"), "alert:0123456789abcdef0123456789abcdef" },
        { "a digest, by its occurrence in UTC", DeliveryItemKey.Digest(Berlin0705), "digest:20260320T0605" },
        { "a digest on request, to the second", DeliveryItemKey.DigestOnRequest(Berlin0705), "digest:send-20260320T060542" },
        { "a spike episode, by its first hour", DeliveryItemKey.Spike("vladimir-putin", Berlin0705), "spike:vladimir-putin:20260320T06" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void EachKindOfItemHasOneSpelling(string name, string key, string expected)
    {
        Assert.True(expected == key, name);
        Assert.True(DeliveryItemKey.IsValid(key), name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alert:a/b")]
    [InlineData("alert:a#b")]
    [InlineData("alert:a?b")]
    [InlineData("alert:a\\b")]
    [InlineData("alert:a|email")]
    [InlineData("alert:a\tb")]
    public void AKeyARowKeyCannotHoldIsRefused(string key)
        => Assert.False(DeliveryItemKey.IsValid(key));
}
