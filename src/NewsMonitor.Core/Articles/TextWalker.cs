using System.Text;
using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>One paragraph of text as laid out on the page, with the block it came from.</summary>
internal sealed record TextBlock(string Text, IElement Block, int Chars, int LinkChars)
{
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    public bool IsHeading => HtmlBlocks.IsHeading(Block);
}

/// <summary>
/// Turns the chosen containers into paragraphs: a block element or a line break ends one; containers that are mostly
/// links (lists of related stories, tag clouds, pagers) are left out.
/// </summary>
internal static class TextWalker
{
    public static List<TextBlock> Walk(IEnumerable<IElement> roots, TextMeasures measures, ExtractionTuning tuning)
    {
        var walker = new Layout(measures, tuning.LinkListDensity);
        foreach (var root in roots)
        {
            walker.Visit(root, root, inLink: false);
            walker.Flush();
        }

        return walker.Blocks;
    }

    private sealed class Layout(TextMeasures measures, double linkListDensity)
    {
        private readonly StringBuilder text = new();
        private IElement? block;
        private int chars;
        private int linkChars;

        public List<TextBlock> Blocks { get; } = [];

        public void Visit(IElement element, IElement currentBlock, bool inLink)
        {
            if (HtmlBlocks.IsBlock(element))
            {
                if (IsLinkList(element))
                {
                    return;
                }

                Flush();
                currentBlock = element;
            }

            if (element.LocalName == "br")
            {
                Flush();
                return;
            }

            inLink |= HtmlBlocks.IsLink(element);
            foreach (var child in element.ChildNodes)
            {
                if (child is IText node)
                {
                    Append(node.Data, currentBlock, inLink);
                }
                else if (child is IElement childElement)
                {
                    Visit(childElement, currentBlock, inLink);
                }
            }

            if (HtmlBlocks.IsBlock(element))
            {
                Flush();
            }
        }

        public void Flush()
        {
            var collapsed = TextNormaliser.Collapse(text.ToString());
            if (collapsed.Length > 0 && block is not null)
            {
                Blocks.Add(new TextBlock(collapsed, block, chars, linkChars));
            }

            text.Clear();
            block = null;
            chars = 0;
            linkChars = 0;
        }

        private void Append(string data, IElement currentBlock, bool inLink)
        {
            block ??= currentBlock;
            text.Append(data);
            var count = data.Count(c => !char.IsWhiteSpace(c));
            chars += count;
            linkChars += inLink ? count : 0;
        }

        /// <summary>A list, table or division whose text is mostly links; a paragraph is judged later, as a line.</summary>
        private bool IsLinkList(IElement element)
        {
            var measure = measures[element];
            return element.LocalName is "ul" or "ol" or "dl" or "div" or "section" or "table" && measure.Chars > 0 && measure.LinkDensity > linkListDensity;
        }
    }
}
