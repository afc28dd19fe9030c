using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.InfraTests;

/// <summary>
/// The settings the code reads, each with where it comes from: every options class of NewsMonitor.Core (a type with a
/// <c>SectionName</c> constant, read by reflection, nested objects and dictionaries included), the <c>%Name%</c>
/// settings of the trigger attributes, the identity-based storage settings of <see cref="StorageConnection"/>, and the
/// host's <c>FUNCTIONS_WORKER_RUNTIME</c>. Names use <c>:</c>; <c>:*</c> stands for any key of a dictionary or list.
/// </summary>
internal static partial class CodeSettings
{
    /// <summary>Settings the code reads outside an options class.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReadDirectly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [NewsMonitor.Delivery.Channels.WebhookSecrets.SectionName + ":*"] = "WebhookSecrets: one webhook signing secret per subscription",
    };

    public static IReadOnlyDictionary<string, string> All { get; } = Read();

    /// <summary>The options classes and their section names.</summary>
    public static IEnumerable<(Type Type, string Section)> OptionsClasses() => typeof(MonitorOptions).Assembly.GetTypes()
        .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
        .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
        .Select(t => (t.Type, (string)t.Field!.GetRawConstantValue()!));

    /// <summary>The default value of an options property, or null for settings that are not options properties.</summary>
    public static (Type Type, object? Value)? Default(string setting)
    {
        foreach (var (type, section) in OptionsClasses())
        {
            var prefix = section + ":";
            if (!setting.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || setting[prefix.Length..].Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var property = type.GetProperty(setting[prefix.Length..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not null)
            {
                return (property.PropertyType, property.GetValue(Activator.CreateInstance(type)));
            }
        }

        return null;
    }

    private static Dictionary<string, string> Read()
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in OptionsClasses())
        {
            AddProperties(settings, type, section, type.Name, depth: 0);
        }

        foreach (var source in Directory.EnumerateFiles(Repository.File("src", "NewsMonitor.Functions"), "*.cs", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in TriggerSetting().Matches(File.ReadAllText(source)))
            {
                settings.TryAdd(match.Groups[1].Value, $"%{match.Groups[1].Value}% in {Path.GetFileName(source)}");
            }
        }

        settings.TryAdd(StorageConnection.SettingName, "StorageConnection: connection string");
        foreach (var key in StorageConnection.IdentitySettings)
        {
            settings.TryAdd($"{StorageConnection.SettingName}:{key}", "StorageConnection: identity-based connection");
        }

        settings.TryAdd("FUNCTIONS_WORKER_RUNTIME", "Functions host: the worker runtime");
        foreach (var (name, source) in ReadDirectly)
        {
            settings.TryAdd(name, source);
        }

        return settings;
    }

    private static void AddProperties(Dictionary<string, string> settings, Type type, string prefix, string source, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } || !IsSimple(p.PropertyType)))
        {
            var name = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsSimple(propertyType))
            {
                if (property.SetMethod is { IsPublic: true })
                {
                    settings.TryAdd(name, $"{source}.{property.Name}");
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                settings.TryAdd(name + ":*", $"{source}.{property.Name}");
            }
            else if (depth < 4 && propertyType.IsClass)
            {
                AddProperties(settings, propertyType, name, $"{source}.{property.Name}", depth + 1);
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);
    }

    [GeneratedRegex("\"%([A-Za-z0-9_]+)%\"")]
    private static partial Regex TriggerSetting();
}
