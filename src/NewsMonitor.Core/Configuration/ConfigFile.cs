using System.Text.Json;

namespace NewsMonitor.Configuration;

/// <summary>Reads a JSON configuration file (feeds, subscriptions) with errors that name the file and what it should hold.</summary>
internal static class ConfigFile
{
    public static async Task<string> ReadAsync(string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the {what}: {ex.Message}", ex);
        }
    }

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
