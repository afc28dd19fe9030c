using NewsMonitor.Articles;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>Texts built to be expensive: evidence stays bounded whatever the input.</summary>
[Trait("Category", "Reliability")]
public sealed class HostileTextTests
{
    [Fact]
    public void ASnippetInAFiveMegabyteLineIsCutFromTheNeighbourhoodOnly()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 1_000_000)) + "Putin" + string.Concat(Enumerable.Repeat(" word", 1_000_000));

        var (snippet, offset) = SnippetBuilder.Build(text, 5_000_000, 5);

        Assert.InRange(snippet.Length, 5, SnippetBuilder.MaxLength);
        Assert.Equal("Putin", snippet.Substring(offset, 5));
    }

    [Fact]
    public void AnEntityNamedAHundredThousandTimesKeepsItsCountButBoundedEvidence()
    {
        var matcher = TestWatchlists.Matcher("""{"figures":[{"id":"vladimir-putin","name":"Vladimir Putin","aliases":["Putin"]}]}""");
        var body = string.Concat(Enumerable.Repeat("Putin ", 100_000));

        var result = matcher.Match(new ArticleText("Title", body));

        Assert.Equal(100_000, result.Entities.Single().Count);
        Assert.Equal(MentionMatcher.MaxMentionsPerEntity, result.Mentions.Count);
    }

    [Fact]
    public void AnEmojiInsideANameIsASeparatorAndNotACrash()
    {
        var matcher = TestWatchlists.Matcher("""{"figures":[{"id":"vladimir-putin","name":"Vladimir Putin","caseSensitive":["Vladimir Putin"]}]}""");

        var result = matcher.Match(new ArticleText("Vladimir 😀 Putin", "Vladimir🇺🇦Putin spoke."));

        Assert.Equal(2, result.Entities.Single().Count);
    }

    [Fact]
    public void NestingDepthIsMeasuredBeforeParsing()
    {
        var deep = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 100_000)));
        var normal = System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><meta charset=utf-8></head><body><p>One<br>two<img src=x></p><div><p>three</p></div></body></html>");

        Assert.Equal(100_000, NestingGuard.Depth(deep));
        Assert.Equal(4, NestingGuard.Depth(normal));
    }
}
