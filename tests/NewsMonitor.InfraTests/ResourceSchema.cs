using System.Text.Json;
using Azure.Bicep.Types;
using Azure.Bicep.Types.Az;
using Azure.Bicep.Types.Concrete;

namespace NewsMonitor.InfraTests;

/// <summary>
/// The resource providers' published types, as the Bicep CLI ships them (Azure.Bicep.Types.Az, generated from the
/// azure-rest-api-specs): finds the properties of an ARM template resource that its type at its API version does not
/// have. A value that is an ARM expression (<c>"[…]"</c>) is not looked into; literal objects and arrays are, all the way.
/// </summary>
internal static class ResourceSchema
{
    /// <summary>Template keywords of a resource, not properties of its type.</summary>
    private static readonly HashSet<string> TemplateKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "apiVersion", "condition", "copy", "dependsOn", "scope", "comments", "metadata", "existing", "resourceGroup", "subscriptionId",
    };

    private static readonly AzTypeLoader Loader = new();

    private static readonly Lazy<Dictionary<string, CrossFileTypeReference>> Index = new(() =>
        new Dictionary<string, CrossFileTypeReference>(Loader.LoadTypeIndex().Resources, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether the types know <paramref name="type"/> at <paramref name="apiVersion"/>.</summary>
    public static bool Knows(string type, string apiVersion) => Index.Value.ContainsKey($"{type}@{apiVersion}");

    /// <summary>The paths of the properties of <paramref name="resource"/> its type does not have (empty: all known).</summary>
    public static IReadOnlyList<string> UnknownProperties(JsonElement resource)
    {
        var type = resource.GetProperty("type").GetString()!;
        var apiVersion = resource.GetProperty("apiVersion").GetString()!;
        var body = Loader.LoadResourceType(Index.Value[$"{type}@{apiVersion}"]).Body.Type;
        var name = resource.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var declared = resource.EnumerateObject().Where(p => !TemplateKeywords.Contains(p.Name));

        return Unknown(type, declared.Select(p => (p.Name, p.Value)).ToList(), body, name);
    }

    private static List<string> Unknown(string path, JsonElement value, TypeBase type, string name) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString()!.StartsWith('[') && !value.GetString()!.StartsWith("[[", StringComparison.Ordinal) => [],
        JsonValueKind.Object => Unknown(path, value.EnumerateObject().Select(p => (p.Name, p.Value)).ToList(), type, name),
        JsonValueKind.Array when type is ArrayType array => value.EnumerateArray().SelectMany((item, i) => Unknown($"{path}[{i}]", item, array.ItemType.Type, name)).ToList(),
        _ => [],
    };

    private static List<string> Unknown(string path, List<(string Name, JsonElement Value)> members, TypeBase type, string name)
    {
        switch (type)
        {
            case ObjectType objectType:
                return members.SelectMany(member => Member(path, member, objectType.Properties, objectType.AdditionalProperties, name)).ToList();
            case DiscriminatedObjectType discriminated:
                var chosen = members.Where(m => m.Name == discriminated.Discriminator && m.Value.ValueKind == JsonValueKind.String).Select(m => m.Value.GetString()!)
                    .Append(LastLiteral(name))
                    .FirstOrDefault(d => d is not null && discriminated.Elements.ContainsKey(d));
                var variants = chosen is null ? discriminated.Elements.Values : [discriminated.Elements[chosen]];
                return Fewest(variants.Select(variant => variant.Type is ObjectType element
                    ? members.SelectMany(member => Member(path, member, discriminated.BaseProperties.Concat(element.Properties).ToDictionary(), element.AdditionalProperties, name)).ToList()
                    : Unknown(path, members, variant.Type, name)));
            case UnionType union:
                return Fewest(union.Elements.Select(element => Unknown(path, members, element.Type, name)));
            default:
                return [];
        }
    }

    private static List<string> Member(string path, (string Name, JsonElement Value) member, IReadOnlyDictionary<string, ObjectTypeProperty> properties, ITypeReference? additional, string name)
    {
        var property = properties.FirstOrDefault(p => string.Equals(p.Key, member.Name, StringComparison.OrdinalIgnoreCase));
        if (property.Value is not null)
        {
            return Unknown($"{path}.{member.Name}", member.Value, property.Value.Type.Type, name);
        }

        return additional is null ? [$"{path}.{member.Name}"] : Unknown($"{path}.{member.Name}", member.Value, additional.Type, name);
    }

    /// <summary>A value fits a union when it fits one of its members: the member it fits best.</summary>
    private static List<string> Fewest(IEnumerable<List<string>> candidates) => candidates.OrderBy(c => c.Count).FirstOrDefault() ?? [];

    /// <summary>The last quoted literal of a name expression: <c>[format('{0}/{1}', parameters('app'), 'appsettings')]</c> → appsettings.</summary>
    private static string? LastLiteral(string name)
    {
        var end = name.LastIndexOf('\'');
        var start = end > 0 ? name.LastIndexOf('\'', end - 1) : -1;
        return start >= 0 ? name[(start + 1)..end] : name.Split('/')[^1];
    }
}
