namespace NewsMonitor.Articles;

/// <summary>Drops the paragraphs inside the article's container that are not the story: the headline again, link lines.</summary>
internal static class BlockFilter
{
    public static IEnumerable<TextBlock> Keep(List<TextBlock> blocks, string title)
    {
        var headline = TextNormaliser.Fold(title);
        return blocks.Where(b => b.LinkDensity <= 0.5 && TextNormaliser.Fold(b.Text) != headline);
    }
}
