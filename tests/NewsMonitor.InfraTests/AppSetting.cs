using System.Text.Json;

namespace NewsMonitor.InfraTests;

/// <summary>
/// One app setting the Bicep sets: its name (<c>*</c> standing for a part known only at deployment, e.g. a subscription
/// id), whether it is there in every deployment or only under a condition, and its value: the literal when the
/// snapshot could evaluate it, else the ARM expression text.
/// </summary>
internal sealed record AppSetting(string Name, bool Conditional, string? Literal, string ValueText)
{
    /// <summary>The name as configuration sees it: <c>__</c> is <c>:</c>.</summary>
    public string Key => SettingNames.Normalize(Name);

    /// <summary>Reads the settings of a <c>Microsoft.Web/sites/config</c> (appsettings) resource's properties.</summary>
    public static IReadOnlyList<AppSetting> Read(JsonElement properties) => properties.ValueKind switch
    {
        JsonValueKind.Object => properties.EnumerateObject().Select(p => FromJson(p.Name, p.Value, conditional: false)).ToList(),
        JsonValueKind.String => FromExpression(ArmExpression.Parse(properties.GetString()!), conditional: false).ToList(),
        _ => throw new InvalidOperationException($"appsettings properties are {properties.ValueKind}"),
    };

    private static AppSetting FromJson(string name, JsonElement value, bool conditional) => value.ValueKind == JsonValueKind.String && value.GetString() is { } text
        ? FromValue(name, ArmExpression.Parse(text), conditional)
        : new AppSetting(name, conditional, value.GetRawText(), value.GetRawText());

    private static AppSetting FromValue(string name, ArmExpression value, bool conditional)
        => new(name, conditional, (value as ArmString)?.Value, value is ArmString literal ? literal.Value : value.Text);

    private static IEnumerable<AppSetting> FromExpression(ArmExpression expression, bool conditional)
    {
        switch (expression)
        {
            case ArmCall call when call.Is("union"):
                return call.Arguments.SelectMany(argument => FromExpression(argument, conditional));
            case ArmCall call when call.Is("createObject"):
                return call.Arguments.Chunk(2).Select(pair => pair[0] is ArmString key
                    ? FromValue(key.Value, pair[1], conditional)
                    : throw Unreadable(pair[0], "a setting name that is not a literal"));
            case ArmCall call when call.Is("if") && call.Arguments.Count == 3:
                return FromExpression(call.Arguments[1], conditional: true).Concat(FromExpression(call.Arguments[2], conditional: true));
            case ArmCall call when call.Is("toObject") && call.Arguments.Count == 3:
                return [FromValue(LambdaName(call.Arguments[1]), LambdaBody(call.Arguments[2]), conditional: true)];
            default:
                throw Unreadable(expression, "an expression");
        }
    }

    /// <summary><c>lambda('id', format('Monitor__WebhookSecrets__{0}', …))</c> → <c>Monitor__WebhookSecrets__*</c>.</summary>
    private static string LambdaName(ArmExpression lambda) => LambdaBody(lambda) switch
    {
        ArmString literal => literal.Value,
        ArmCall { Name: var name, Arguments: [ArmString template, ..] } when string.Equals(name, "format", StringComparison.OrdinalIgnoreCase)
            => System.Text.RegularExpressions.Regex.Replace(template.Value, @"\{\d+\}", "*"),
        var other => throw Unreadable(other, "a setting name"),
    };

    private static ArmExpression LambdaBody(ArmExpression lambda) => lambda is ArmCall { Arguments.Count: 2 } call && call.Is("lambda")
        ? call.Arguments[1]
        : throw Unreadable(lambda, "a lambda");

    private static InvalidOperationException Unreadable(ArmExpression expression, string what)
        => new($"The app settings hold {what} the test cannot read: {expression.Text}. Keep function.bicep's settings a union of object literals, conditionals and toObject().");
}
