using System.Text.Json;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Watchlists;

public sealed class EntityKindsTests
{
    public static TheoryData<EntityKind> Kinds => new(Enum.GetValues<EntityKind>());

    public static TheoryData<string, EntityKind?> Typed => new()
    {
        { "figure", EntityKind.Figure },
        { "TOPIC", EntityKind.Topic },
        { "Alert", EntityKind.Alert },
        { "1", null },
        { "figures", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AKindIsSpelledAsJsonAndTheIndexRowsAlreadyHoldIt(EntityKind kind)
    {
        var json = JsonSerializer.Serialize(kind, JsonDefaults.Options);

        Assert.Equal($"\"{kind.Name()}\"", json);
        Assert.Contains(kind.Name(), EntityKinds.Names, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Typed))]
    public void AKindTypedInAnyCaseIsReadButNotANumber(string text, EntityKind? expected)
    {
        var read = EntityKinds.TryParse(text, out var kind);

        Assert.Equal(expected, read ? kind : null);
    }
}
