namespace NewsMonitor.Articles;

/// <summary>
/// The extractor's numeric thresholds in one place, so that cross-validation can try other values on some pages and
/// score the choice on pages it did not tune on (tests/…/Articles/ExtractionCrossValidation.cs).
/// </summary>
internal sealed record ExtractionTuning
{
    public static ExtractionTuning Default { get; } = new();

    /// <summary>Less text than this (a line or two) means the article was probably removed with the chrome.</summary>
    public int RetryBelowChars { get; init; } = 200;

    /// <summary>How far a container named like the article (or like chrome) leans its score, in paragraph weights.</summary>
    public double NameWeight { get; init; } = 25;

    /// <summary>A sibling of the best container with more of its text in links than this does not continue the story.</summary>
    public double MaxSiblingLinkDensity { get; init; } = 0.25;

    /// <summary>A sibling continues the story when it holds at least this share of the best container's prose.</summary>
    public double MinSiblingProseShare { get; init; } = 0.1;

    /// <summary>A chrome-named element holding at least this share of the page's prose is a wrapper, not chrome.</summary>
    public double WrapperProseShare { get; init; } = 0.5;

    /// <summary>A line inside the story with more of its text in links than this points elsewhere.</summary>
    public double LinkLineDensity { get; init; } = 0.5;

    /// <summary>A list, table or division inside the story with more of its text in links than this is a link list.</summary>
    public double LinkListDensity { get; init; } = 0.5;
}
