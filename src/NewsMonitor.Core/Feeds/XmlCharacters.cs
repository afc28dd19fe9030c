using System.Buffers;

namespace NewsMonitor.Feeds;

/// <summary>Removes the characters XML 1.0 forbids (C0 controls but tab, CR and LF; U+FFFE, U+FFFF), which feeds carry by accident.</summary>
public static class XmlCharacters
{
    private static readonly SearchValues<char> Invalid = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    public static string RemoveInvalid(string text)
    {
        var first = text.AsSpan().IndexOfAny(Invalid);
        if (first < 0)
        {
            return text;
        }

        var output = new char[text.Length];
        var length = 0;
        foreach (var c in text.AsSpan())
        {
            if (!Invalid.Contains(c))
            {
                output[length++] = c;
            }
        }

        return new string(output, 0, length);
    }
}
