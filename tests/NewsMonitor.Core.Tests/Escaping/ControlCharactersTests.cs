using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMonitor.Escaping;

namespace NewsMonitor.Tests.Escaping;

[Trait("Category", "Reliability")]
public sealed class ControlCharactersTests
{
    // Inputs are written with \u, \n, \r and \t escapes and decoded by the test, so no test name carries a raw control
    // character; expected output is written as it is printed.
    public static TheoryData<string, string, string> Revealed => new()
    {
        { "plain text is left alone", "Trump meets Putin — «today» 🙂", "Trump meets Putin — «today» 🙂" },
        { "ESC of a clear-screen sequence", @"\u001b[2J", @"\u001B[2J" },
        { "an OSC title sequence and its BEL", @"\u001b]0;t\u0007", @"\u001B]0;t\u0007" },
        { "the right-to-left override", @"a\u202Eb", @"a\u202Eb" },
        { "bidi isolates", @"\u2066x\u2067y\u2068z\u2069", @"\u2066x\u2067y\u2068z\u2069" },
        { "bidi embeddings", @"\u202Ax\u202By\u202Cz\u202D", @"\u202Ax\u202By\u202Cz\u202D" },
        { "bidi marks", @"\u200E\u200F\u061C", @"\u200E\u200F\u061C" },
        { "C1 controls and DEL", @"\u009b\u0085\u007f\u0080", @"\u009B\u0085\u007F\u0080" },
        { "NUL", @"a\u0000b", @"a\u0000b" },
        { "line breaks and tabs in a one-line field", @"a\nb\r\nc\td", @"a\u000Ab\u000D\u000Ac\u0009d" },
        { "a zero-width joiner and a soft hyphen are not controls", @"a\u200Db\u00ADc", "a\u200Db\u00ADc" },
    };

    public static TheoryData<string, string, string> RevealedKeepingLines => new()
    {
        { "line feeds and tabs stay", @"one\ntwo\tthree", "one|two\tthree" },
        { "a Windows line end becomes a line feed", @"one\r\ntwo", "one|two" },
        { "a lone carriage return would overwrite the line", @"safe\revil", @"safe\u000Devil" },
        { "escape sequences are still shown", @"a\n\u001b[31mred", @"a|\u001B[31mred" },
    };

    public static TheoryData<string, string, string> Stripped => new()
    {
        { "plain text is left alone", "Trump meets Putin", "Trump meets Putin" },
        { "terminal sequences lose their ESC and BEL", @"\u001b[2Jx\u0007", "[2Jx" },
        { "bidi controls are removed", @"\u202Eab\u2066c\u2069\u200E", "abc" },
        { "C1, DEL and NUL are removed", @"a\u009b\u0085\u007f\u0000b", "ab" },
        { "line breaks and tabs become spaces", @"a\nb\r\nc\td", "a b  c d" },
    };

    [Theory]
    [MemberData(nameof(Revealed))]
    public void RevealShowsEachControlCharacterAsItsJsonEscape(string why, string text, string expected)
    {
        var revealed = ControlCharacters.Reveal(Regex.Unescape(text));

        Assert.True(expected == revealed, $"{why}: got {JsonSerializer.Serialize(revealed)}");
    }

    // Expected output writes a kept line feed as | so the row's name stays on one line.
    [Theory]
    [MemberData(nameof(RevealedKeepingLines))]
    public void RevealForMultiLineTextKeepsLineFeedsAndTabs(string why, string text, string expected)
    {
        var revealed = ControlCharacters.Reveal(Regex.Unescape(text), keepLineBreaks: true);

        Assert.True(expected.Replace('|', '\n') == revealed, $"{why}: got {JsonSerializer.Serialize(revealed)}");
    }

    [Theory]
    [MemberData(nameof(Stripped))]
    public void StripRemovesControlCharactersAndKeepsWordsApart(string why, string text, string expected)
    {
        var stripped = ControlCharacters.Strip(Regex.Unescape(text));

        Assert.True(expected == stripped, $"{why}: got {JsonSerializer.Serialize(stripped)}");
    }

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void RevealedJsonIsTheSameJsonWithNothingRaw(string name)
    {
        var title = HostileFeedText.Titles[name];
        var json = JsonSerializer.Serialize(new { title }, JsonDefaults.Options);

        var revealed = ControlCharacters.Reveal(json);

        Assert.DoesNotContain(revealed, ControlCharacters.IsControl);
        Assert.Equal(title, JsonDocument.Parse(revealed).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void TheControlsAreC0DelC1AndTheBidiControls()
    {
        var controls = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(ControlCharacters.IsControl).ToList();

        Assert.Equal(32 + 33 + 3 + 5 + 4, controls.Count);
        Assert.All(controls, c => Assert.True(char.IsControl(c) || (c != '\u200D' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)));
    }
}
