namespace NewsMonitor.Watchlists;

/// <summary>
/// The one spelling of an <see cref="EntityKind"/> as text — <c>figure</c>, <c>topic</c>, <c>alert</c> — which index rows
/// store, JSON writes (camelCase), users type in <c>kind</c> filters and listings show.
/// </summary>
public static class EntityKinds
{
    /// <summary>Every kind's name, for messages that refuse one.</summary>
    public const string Names = "figure, topic, alert";

    public static string Name(this EntityKind kind) => kind switch
    {
        EntityKind.Figure => "figure",
        EntityKind.Topic => "topic",
        EntityKind.Alert => "alert",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an entity kind"),
    };

    /// <summary>Reads a kind a user typed, in any case; numbers are refused though the enum would take them.</summary>
    public static bool TryParse(string? text, out EntityKind kind)
    {
        foreach (var candidate in Enum.GetValues<EntityKind>())
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
