namespace NewsMonitor.Articles;

/// <summary>Turns a local file into article text the way the pipeline treats it: <c>.html</c>/<c>.htm</c> are pages, anything else is plain text whose first line is the title.</summary>
public static class ArticleDocument
{
    public static bool IsHtmlPath(string path)
        => path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    public static ArticleText FromPlainText(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        return firstBreak < 0
            ? new ArticleText(text.Trim(), string.Empty)
            : new ArticleText(text[..firstBreak].Trim(), text[(firstBreak + 1)..].Trim());
    }
}
