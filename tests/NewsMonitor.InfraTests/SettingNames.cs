namespace NewsMonitor.InfraTests;

/// <summary>Setting names compared as configuration compares them: <c>__</c> is <c>:</c>, case does not matter.</summary>
internal static class SettingNames
{
    public static string Normalize(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="pattern"/> (which may end in <c>:*</c>) covers <paramref name="name"/>.</summary>
    public static bool Matches(string pattern, string name)
    {
        pattern = Normalize(pattern);
        name = Normalize(name);
        return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase)
            || (pattern.EndsWith(":*", StringComparison.Ordinal) && name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) && name.Length > pattern.Length - 1);
    }
}
