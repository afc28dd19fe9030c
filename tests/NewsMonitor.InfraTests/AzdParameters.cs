using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

/// <summary>
/// infra/main.parameters.json as azd reads it: the text with every <c>${NAME}</c> and <c>${NAME=default}</c> replaced
/// from the azd environment, then parsed as JSON (azd's BicepProvider.loadParameters: envsubst.Eval, json.Unmarshal).
/// An unset or empty variable takes its default, or the empty string. Turned into a .bicepparam so that
/// <c>bicep snapshot</c> can predict what <c>azd provision</c> deploys from one environment.
/// </summary>
internal static partial class AzdParameters
{
    /// <summary>The parameters file's text as it is in the repository.</summary>
    public static string Text => Repository.ReadText("infra", "main.parameters.json");

    /// <summary>Each parameter's value as written: one azd substitution, quoted (a string) or not (a JSON object).</summary>
    public static IReadOnlyDictionary<string, string> Written { get; } = Entry().Matches(Text)
        .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    /// <summary>The parameter values azd passes to main.bicep from <paramref name="environment"/>.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Substitute(IReadOnlyDictionary<string, string> environment)
    {
        var text = Variable().Replace(Text, m => environment.TryGetValue(m.Groups["name"].Value, out var value) && value.Length > 0
            ? value
            : m.Groups["default"].Value);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").Clone(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A .bicepparam for main.bicep with the values azd passes, converted as ARM converts a parameters file's values:
    /// a string to an int parameter is its number; an object is the object.
    /// </summary>
    public static string ToBicepParam(IReadOnlyDictionary<string, JsonElement> values, JsonElement templateParameters, string templatePath)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"using '{templatePath}'");
        foreach (var (name, value) in values)
        {
            var type = templateParameters.GetProperty(name).GetProperty("type").GetString()!.ToLowerInvariant();
            text.AppendLine(CultureInfo.InvariantCulture, $"param {name} = {Literal(type, value)}");
        }

        return text.ToString();
    }

    private static string Literal(string type, JsonElement value) => type switch
    {
        "int" => int.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        "string" or "securestring" => Quote(value.GetString()!),
        "object" or "secureobject" => $"json({Quote(value.GetRawText())})",
        _ => throw new InvalidOperationException($"main.bicep has a parameter of type {type}, which the test does not convert"),
    };

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"""(?<name>\w+)"":\s*\{\s*""value"":\s*(?<value>""\$\{[^}]*\}""|\$\{[^}]*\})\s*\}")]
    private static partial Regex Entry();
}
