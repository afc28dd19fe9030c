using System.Text.Json;
using NewsMonitor.Delivery.Spikes;

namespace NewsMonitor.Tests.Delivery.Spikes;

public sealed class SpikeSettingsTests
{
    public static TheoryData<string, SpikeSensitivity, int> Valid => new()
    {
        { "\"low\"", SpikeSensitivity.Low, 20 },
        { "\"medium\"", SpikeSensitivity.Medium, 10 },
        { "\"High\"", SpikeSensitivity.High, 5 },
        { """{ "sensitivity": "high", "minCount": 10 }""", SpikeSensitivity.High, 10 },
        { """{ "minCount": 3 }""", SpikeSensitivity.Medium, 3 },
        { """{ "sensitivity": "low" }""", SpikeSensitivity.Low, 20 },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "\"extreme\"", "s.spikes: \"extreme\" is not low, medium, high or { \"sensitivity\": \"medium\", \"minCount\": 10 }" },
        { "\"1\"", "s.spikes: \"1\" is not low, medium, high or { \"sensitivity\": \"medium\", \"minCount\": 10 }" },
        { "true", "s.spikes: true is not low, medium, high or { \"sensitivity\": \"medium\", \"minCount\": 10 }" },
        { """{ "sensitivity": 2 }""", "s.spikes.sensitivity: 2 is not low, medium or high" },
        { """{ "minCount": 0 }""", "s.spikes.minCount: 0 is not a whole number from 1 to 100000" },
        { """{ "minCount": 2.5 }""", "s.spikes.minCount: 2.5 is not a whole number from 1 to 100000" },
        { """{ "minCount": "10" }""", "s.spikes.minCount: \"10\" is not a whole number from 1 to 100000" },
        { """{ "sensitivty": "low" }""", "s.spikes.sensitivty: unknown key; the keys here are \"sensitivity\", \"minCount\"" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ASensitivityOrAnObjectGivesTheSettings(string json, SpikeSensitivity sensitivity, int minCount)
    {
        using var document = JsonDocument.Parse(json);

        var settings = SpikeSettings.Parse(document.RootElement, "s.spikes", out var problems);

        Assert.Empty(problems);
        Assert.Equal(new SpikeSettings(sensitivity, minCount), settings);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidValueIsNamedWithWhatWasWrong(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var settings = SpikeSettings.Parse(document.RootElement, "s.spikes", out var problems);

        Assert.Null(settings);
        Assert.Equal([expected], problems);
    }

    [Fact]
    public void TheKeyNamesSensitivityAndMinimumCount()
    {
        Assert.Equal("high-10", new SpikeSettings(SpikeSensitivity.High, 10).Key);
    }
}
