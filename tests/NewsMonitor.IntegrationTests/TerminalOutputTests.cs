using System.Text.Json;
using NewsMonitor.Articles;
using NewsMonitor.Cli;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Escaping;
using NewsMonitor.Matching;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Tests.Escaping;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// What the CLI prints from feeds goes through <see cref="ControlCharacters.Reveal"/>: a hostile title is shown as
/// <c>\u001B[2J</c>, never acted on by the terminal, and cannot start a line of its own in a table.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TerminalOutputTests
{
    private const string Esc = "\u001b";

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void TheMatchesTableShowsAHostileTitleOnItsOwnRow(string name)
    {
        var title = HostileFeedText.Titles[name];

        var table = MatchesCommand.Table([Summary(title)]);

        AssertNothingActs(table);
        Assert.Equal(3, table.Split('\n').Length);
        Assert.EndsWith("  " + ControlCharacters.Reveal(title), table.Split('\n')[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void TheMatchesCsvHasOneRecordPerArticle(string name)
    {
        var csv = MatchesCommand.Csv([Summary(HostileFeedText.Titles[name])]);

        AssertNothingActs(csv);
        Assert.Equal(2, csv.Split('\n').Length);
    }

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void ShowHighlightsMentionsAndRevealsEverythingElse(string name)
    {
        var hostile = HostileFeedText.Titles[name];
        var text = $"Trump said {hostile}\nsecond line";
        var article = new StoredArticle(
            "0123456789abcdef0123456789abcdef", "demo", new Uri("https://news.example/a"), new Uri("https://news.example/a"), hostile,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TextOrigin.Feed, null, "en", text, "v1",
            [new EntityMatch("donald-trump", EntityKind.Figure, "Donald Trump", 1, 0.9)],
            [new Mention("donald-trump", EntityKind.Figure, "Trump", TextField.Body, 0, 5, "Trump said", 0)]);

        var shown = ShowCommand.Render(article, color: true);

        Assert.StartsWith(ControlCharacters.Reveal(hostile) + "\n", shown, StringComparison.Ordinal);
        Assert.Contains($"{Esc}[7mTrump{Esc}[0m said {ControlCharacters.Reveal(hostile, keepLineBreaks: true)}\nsecond line", shown, StringComparison.Ordinal);
        AssertNothingActs(shown.Replace($"{Esc}[7m", string.Empty, StringComparison.Ordinal).Replace($"{Esc}[0m", string.Empty, StringComparison.Ordinal), allowTabs: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FeedPrintsHostileItemTitlesVisibly(bool json)
    {
        var feed = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.json");
        var items = HostileFeedText.Titles.Select((t, i) => new { id = $"item-{i}", url = $"https://news.example/{i}", title = t.Value, content_text = "Body." });
        await File.WriteAllTextAsync(feed, JsonSerializer.Serialize(new { version = "https://jsonfeed.org/version/1.1", title = "Hostile \u001b[2J feed", items }));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(json ? ["feed", feed, "--json"] : ["feed", feed], output, error);

        Assert.True(exit == 0, error.ToString());
        AssertNothingActs(output.ToString());
        Assert.Contains(@"\u001B[2J", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(@"\u202E", output.ToString(), StringComparison.Ordinal);
    }

    private static MatchSummary Summary(string title)
        => new("0123456789abcdef0123456789abcdef", title, "https://news.example/a", "demo", null, DateTimeOffset.UnixEpoch,
            [new MatchedEntity("donald-trump", "figure", 1, 0.9)], title);

    // Line feeds between rows are ours; anything else that acts on a terminal must not reach it.
    private static void AssertNothingActs(string printed, bool allowTabs = false)
    {
        var acting = printed.Where(c => ControlCharacters.IsControl(c) && c != '\n' && !(allowTabs && c == '\t')).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.True(acting.Count == 0, "printed raw: " + string.Join(' ', acting));
    }
}
