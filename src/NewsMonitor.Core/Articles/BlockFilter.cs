using System.Text.RegularExpressions;

namespace NewsMonitor.Articles;

/// <summary>
/// Drops the paragraphs inside the article's container that are not the story: the headline again (the title, or the
/// h1 above the first paragraph), rules drawn with
/// characters ("___"), lines that are mostly a link to somewhere else ("READ MORE: …", a related headline), calls to
/// act ("Subscribe to …", "Follow us on Twitter") and everything after a line that opens the reading list or the
/// comments below the story ("You may also like", "Comments"). A linked line stays when it reads as a sentence of the
/// story or shows an address the author wants the reader to see (a URL, a domain, an @handle).
/// </summary>
internal static partial class BlockFilter
{
    private const int SentenceWords = 8;

    /// <summary>A call to act is a line or two; a paragraph that starts "Sign up for…" may be the story's own advice.</summary>
    private const int CallToActionWords = 25;

    public static IEnumerable<TextBlock> Keep(List<TextBlock> blocks, string title, ExtractionTuning tuning)
    {
        var headline = TextNormaliser.Fold(title);

        // An h1 above the story's first paragraph is its headline, whatever the title says; one further down heads a section.
        var firstParagraph = blocks.FindIndex(b => !b.IsHeading && b.Chars >= TextMeasures.ParagraphChars && b.LinkDensity < tuning.LinkLineDensity);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var aboveStory = firstParagraph < 0 || i < firstParagraph;
            var pageHeadline = block.Block.LocalName == "h1" && aboveStory;

            // What follows the story in the same container (teasers, a comment form) is only recognised by the line
            // that opens it: seen on six sites of the corpus, among them WordPress's "Like this:" under every post.
            if (!aboveStory && OpensWhatFollows().IsMatch(block.Text))
            {
                yield break;
            }

            if (!pageHeadline && !IsHeadline(block, headline, aboveStory) && !IsLinkLine(block, tuning.LinkLineDensity) && !IsCallToAction(block.Text) && block.Text.Any(char.IsLetterOrDigit))
            {
                yield return block;
            }
        }
    }

    /// <summary>
    /// The title again, or the title without the site's name ("Headline | Site", "Site: Headline") as a heading or as
    /// any line above the story (old pages set the headline in bold type).
    /// </summary>
    private static bool IsHeadline(TextBlock block, string headline, bool aboveStory)
    {
        var text = TextNormaliser.Fold(block.Text);
        if (text == headline)
        {
            return true;
        }

        return (block.IsHeading || aboveStory) && text.Length > 0
            && ((headline.StartsWith(text, StringComparison.Ordinal) && TitleSeparator().IsMatch(headline[text.Length..]))
                || (headline.EndsWith(text, StringComparison.Ordinal) && TitleSeparator().IsMatch(new string(headline[..^text.Length].Reverse().ToArray()))));
    }

    private static bool IsLinkLine(TextBlock block, double linkLineDensity)
        => block.LinkDensity > linkLineDensity && !ReadsAsSentence(block.Text) && !Address().IsMatch(block.Text);

    private static bool IsCallToAction(string text) => CallToAction().IsMatch(text) && Word().Count(text) <= CallToActionWords;

    private static bool ReadsAsSentence(string text) => SentenceEnd().IsMatch(text) && Word().Count(text) >= SentenceWords;

    [GeneratedRegex(@"[.!?…。！？][\p{Pf}\p{Pe}""']*$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(
        @"^\W*(you (may|might) also (like|enjoy)|related( (stories|articles|posts|news|content|coverage))?|more from|more on this|more( \w+){0,3} stories|like this|share this( article| story)?|recommended|most (popular|read)|tell us what you think|comments?|leave a (comment|reply)|about the author)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensWhatFollows();

    [GeneratedRegex(
        @"^\W*(subscribe|sign up|get (our|the) newsletter|follow (us|[\w@.\- ]{1,40}) on (facebook|twitter|instagram|linkedin|youtube)|like this (story|article)|share (it|this))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"^\s*[|\-–—:·•»]")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"https?://|\bwww\.\w|\w\.(com|org|net)/|(^|\s)@\w", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
