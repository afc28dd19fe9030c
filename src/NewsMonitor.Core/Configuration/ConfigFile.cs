using System.Text.Json;

namespace NewsMonitor.Configuration;

/// <summary>Parses JSON configuration (feeds, subscriptions) with errors that name the source and what it should hold.</summary>
internal static class ConfigFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Binds <paramref name="json"/> to <typeparamref name="T"/>; keys <typeparamref name="T"/> does not define are added to <paramref name="problems"/>.</summary>
    public static T? Deserialize<T>(string json, string source, string what, List<string> problems)
    {
        // Editors on Windows save UTF-8 with a byte-order mark, which is not JSON.
        json = json.TrimStart('\uFEFF');
        try
        {
            // Bound from the text, not the document, so a type error keeps its line and byte in the message.
            var value = JsonSerializer.Deserialize<T>(json, JsonDefaults.Options);
            using var document = JsonDocument.Parse(json, DocumentOptions);
            problems.AddRange(UnknownKeys.In(document.RootElement, JsonDefaults.Options.GetTypeInfo(typeof(T))));
            return value;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid {what} ({ex.Message})", ex);
        }
    }
}
