namespace NewsMonitor.Articles;

/// <summary>The text the matcher reads: a headline and the main body, paragraphs separated by blank lines.</summary>
public sealed record ArticleText(string Title, string Body);
