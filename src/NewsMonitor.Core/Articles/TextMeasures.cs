using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>
/// How much text, linked text and prose each element holds, measured in one walk so that no subtree is read twice.
/// Characters are non-white-space characters: indentation in the markup does not count as text.
/// </summary>
internal sealed class TextMeasures
{
    /// <summary>A run of text this long (non-white-space characters) between block boundaries is a paragraph.</summary>
    public const int ParagraphChars = 25;

    /// <summary>A paragraph with at least this share of its text in links points elsewhere; it is not prose.</summary>
    private const double ProseLinkDensity = 0.5;

    private readonly Dictionary<IElement, Measure> measures = [];

    private TextMeasures()
    {
    }

    /// <summary>The text of an element's whole subtree, and the text a block holds itself (not inside nested blocks).</summary>
    public sealed class Measure
    {
        public int Chars { get; set; }

        public int LinkChars { get; set; }

        public int OwnChars { get; set; }

        public int OwnLinkChars { get; set; }

        public int OwnCommas { get; set; }

        /// <summary>Characters of the paragraphs in the subtree that read as prose (long enough, mostly unlinked).</summary>
        public int Prose { get; set; }

        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

        public double OwnLinkDensity => OwnChars == 0 ? 0 : (double)OwnLinkChars / OwnChars;

        public bool IsProseParagraph => OwnChars >= ParagraphChars && OwnLinkDensity < ProseLinkDensity;
    }

    public static TextMeasures Of(IElement root)
    {
        var result = new TextMeasures();
        result.Visit(root, root, inLink: false);
        return result;
    }

    /// <summary>The element's measure; an element added after measuring holds nothing.</summary>
    public Measure this[IElement element] => measures.TryGetValue(element, out var measure) ? measure : new Measure();

    private Measure Visit(IElement element, IElement block, bool inLink)
    {
        var measure = new Measure();
        measures[element] = measure;
        if (HtmlBlocks.IsBlock(element))
        {
            block = element;
        }

        inLink |= HtmlBlocks.IsLink(element);
        var blockMeasure = block == element ? measure : measures[block];
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                var (chars, commas) = Count(text.Data);
                measure.Chars += chars;
                blockMeasure.OwnChars += chars;
                blockMeasure.OwnCommas += commas;
                if (inLink)
                {
                    measure.LinkChars += chars;
                    blockMeasure.OwnLinkChars += chars;
                }
            }
            else if (child is IElement childElement)
            {
                var childMeasure = Visit(childElement, block, inLink);
                measure.Chars += childMeasure.Chars;
                measure.LinkChars += childMeasure.LinkChars;
                measure.Prose += childMeasure.Prose;
            }
        }

        if (block == element && measure.IsProseParagraph && !HtmlBlocks.IsHeading(element))
        {
            measure.Prose += measure.OwnChars;
        }

        return measure;
    }

    private static (int Chars, int Commas) Count(string text)
    {
        var chars = 0;
        var commas = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars++;
                commas += c is ',' or '，' or '、' or '،' ? 1 : 0;
            }
        }

        return (chars, commas);
    }
}
