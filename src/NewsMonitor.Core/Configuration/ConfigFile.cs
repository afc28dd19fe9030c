using System.Text.Json;

namespace NewsMonitor.Configuration;

/// <summary>Parses JSON configuration (feeds, subscriptions) with errors that name the source and what it should hold.</summary>
internal static class ConfigFile
{
    public static T? Deserialize<T>(string json, string source, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid {what} ({ex.Message})", ex);
        }
    }

    public static bool IsValidId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => !string.IsNullOrWhiteSpace(id) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
