using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsMonitor.Storage;

/// <summary>
/// Reads and extends the <c>history</c> array of a JSON queue message. Every message type carries it as an optional
/// property, so a message replayed from a poison queue or deferred keeps what happened to it before.
/// </summary>
public static class MessageHistory
{
    public const string PropertyName = "history";

    /// <summary>The message with <paramref name="entry"/> appended to its history.</summary>
    /// <exception cref="FormatException">The message is not a JSON object.</exception>
    public static string Append(string json, MessageEvent entry)
    {
        JsonObject message;
        try
        {
            message = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the message is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the message is not JSON: {ex.Message}", ex);
        }

        if (message[PropertyName] is not JsonArray history)
        {
            history = [];
            message[PropertyName] = history;
        }

        history.Add(JsonSerializer.SerializeToNode(entry, JsonDefaults.Options));
        return message.ToJsonString(JsonDefaults.Options);
    }

    /// <summary>The history of a message; empty when it has none or is not a JSON object.</summary>
    public static IReadOnlyList<MessageEvent> Read(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject message && message[PropertyName] is JsonArray history
                ? history.Deserialize<List<MessageEvent>>(JsonDefaults.Options) ?? []
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
