using System.Globalization;
using System.Text.Json;

namespace NewsMonitor.Reviews;

/// <summary>
/// One review action, read like a JSON merge patch (RFC 7396) of the current state: a property left out (null here)
/// keeps its value, a property sent as JSON null (an empty string here) clears it. Undo is applying the previous
/// history entry, which names every property (<see cref="Undo"/>); the undo is itself a new history entry, so it can
/// be undone in turn.
/// </summary>
public sealed record ReviewChange
{
    /// <summary>The longest reason or note kept: a paragraph, not a document.</summary>
    public const int MaxTextLength = 2000;

    private static readonly string[] Keys = ["state", "starred", "reason", "note"];

    /// <summary><c>relevant</c>, <c>dismissed</c>, empty to clear, null to keep.</summary>
    public string? State { get; init; }

    public bool? Starred { get; init; }

    /// <summary>Why it was dismissed; empty to clear, null to keep (it is cleared anyway when the state moves away from dismissed).</summary>
    public string? Reason { get; init; }

    /// <summary>Free text; empty to clear, null to keep.</summary>
    public string? Note { get; init; }

    /// <summary>Reads a request body <c>{ state, starred, reason, note }</c>, each optional, JSON null clearing.</summary>
    public static ReviewChange FromJson(JsonElement body, out List<string> problems)
    {
        problems = [];
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body: must be an object with state, starred, reason and/or note");
            return new ReviewChange();
        }

        problems.AddRange(Configuration.UnknownKeys.In(body, string.Empty, Keys, StringComparer.Ordinal));
        var change = new ReviewChange
        {
            State = ReadText(body, "state", problems),
            Reason = ReadText(body, "reason", problems),
            Note = ReadText(body, "note", problems),
        };
        if (body.TryGetProperty("starred", out var starred))
        {
            if (starred.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
            {
                change = change with { Starred = starred.ValueKind == JsonValueKind.True };
            }
            else
            {
                problems.Add($"starred: {starred.GetRawText()} must be true or false");
            }
        }

        return change;
    }

    /// <summary>The change that restores <paramref name="entry"/> exactly.</summary>
    public static ReviewChange Restore(ReviewEntry entry)
        => new() { State = entry.State ?? string.Empty, Starred = entry.Starred, Reason = entry.Reason ?? string.Empty, Note = entry.Note ?? string.Empty };

    /// <summary>The change that undoes the last action (back to the entry before it, or to unreviewed), or null when there is none.</summary>
    public static ReviewChange? Undo(Review review) => review.History.Count switch
    {
        0 => null,
        1 => new ReviewChange { State = string.Empty, Starred = false, Reason = string.Empty, Note = string.Empty },
        _ => Restore(review.History[1]),
    };

    /// <summary>Every problem with this change, each naming the property.</summary>
    public List<string> Validate()
    {
        var problems = new List<string>();
        if (State is null && Starred is null && Reason is null && Note is null)
        {
            problems.Add("body: names none of state, starred, reason, note");
        }

        if (State is { Length: > 0 } state && !ReviewStates.IsKnown(state))
        {
            problems.Add($"state: \"{Shorten(state)}\" is not one of {ReviewStates.Relevant}, {ReviewStates.Dismissed} (or null to clear)");
        }

        foreach (var (name, value) in new[] { ("reason", Reason), ("note", Note) })
        {
            if (value is not null && value.Length > MaxTextLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {value.Length:N0} characters; at most {MaxTextLength:N0}"));
            }
        }

        return problems;
    }

    /// <summary>The state after this change: what it names replaces <paramref name="current"/>'s, the rest is kept.</summary>
    public ReviewEntry ApplyTo(ReviewEntry? current, string reviewer, DateTimeOffset at)
    {
        var state = State is null ? current?.State : Clean(State);
        var reason = Reason is not null ? Clean(Reason)
            : State is not null && state != ReviewStates.Dismissed ? null
            : current?.Reason;
        return new ReviewEntry(state, Starred ?? current?.Starred ?? false, reason, Note is null ? current?.Note : Clean(Note), reviewer, at);
    }

    private static string? Clean(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? ReadText(JsonElement body, string name, List<string> problems)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return string.Empty;
            case JsonValueKind.String:
                return value.GetString();
            default:
                problems.Add($"{name}: {Shorten(value.GetRawText())} must be a string or null");
                return null;
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
