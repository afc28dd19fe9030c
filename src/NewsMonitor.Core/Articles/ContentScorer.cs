using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>
/// Finds the container of the article the way readability does: every prose paragraph scores its container (fully),
/// the container's parent (half) and a few ancestors beyond (less), more for longer text and more commas; a container
/// named like an article gains, one named like chrome loses, and a link-dense one keeps only its unlinked share. The
/// best container then takes in the siblings that continue it.
/// </summary>
internal static class ContentScorer
{
    private const int AncestorLevels = 5;

    /// <param name="body">The page's body, chrome removed.</param>
    /// <param name="measures">The text measures of the body.</param>
    /// <param name="tuning">The thresholds: name weight and what a continuing sibling holds.</param>
    /// <param name="byName">Whether class and id names lean the scores.</param>
    public static IReadOnlyList<IElement> Choose(IElement body, TextMeasures measures, ExtractionTuning tuning, bool byName = true)
    {
        var scores = Score(body, measures, byName ? tuning.NameWeight : 0);
        if (scores.Count == 0)
        {
            return [body];
        }

        var top = scores.MaxBy(s => s.Value).Key;
        top = Widen(top, body, scores);
        return WithSiblings(top, measures, tuning);
    }

    private static Dictionary<IElement, double> Score(IElement body, TextMeasures measures, double nameWeight)
    {
        var raw = new Dictionary<IElement, double>();
        foreach (var block in body.Descendants<IElement>())
        {
            var measure = measures[block];
            if (!HtmlBlocks.IsBlock(block) || !measure.IsProseParagraph || HtmlBlocks.IsHeading(block) || block.LocalName is "li" or "dt" or "dd")
            {
                continue;
            }

            var weight = 1 + measure.OwnCommas + Math.Min(measure.OwnChars / 100.0, 3);

            // A <p> is a paragraph inside its container; a div with text of its own is both.
            var container = block.LocalName is "p" or "pre" or "blockquote" ? block.ParentElement : block;
            for (var level = 0; level < AncestorLevels && container is not null && container != body.ParentElement; level++)
            {
                raw.TryAdd(container, InitialScore(container, nameWeight));
                raw[container] += weight / (level switch { 0 => 1, 1 => 2, _ => level * 3 });
                container = container.ParentElement;
            }
        }

        return raw.ToDictionary(s => s.Key, s => s.Value * (1 - measures[s.Key].LinkDensity));
    }

    private static double InitialScore(IElement element, double nameWeight)
    {
        var tag = element.LocalName switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return nameWeight == 0 ? tag : tag + (nameWeight * BoilerplateClassifier.NameLean(element));
    }

    /// <summary>Moves up from the best container while an ancestor scores better, or when it is an only child.</summary>
    private static IElement Widen(IElement top, IElement body, Dictionary<IElement, double> scores)
    {
        var lastScore = scores[top];
        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        while (top.ParentElement is { } only && only != body && only.ChildElementCount == 1)
        {
            top = only;
        }

        return top;
    }

    /// <summary>
    /// The best container and the siblings that continue it, in document order: containers of the same kind (an
    /// article split around an ad slot), prose paragraphs, and blocks of mostly unlinked prose worth a tenth of the
    /// container's. Scores do not decide here: a teaser grid beside the story scores well, and a continuation whose
    /// paragraphs sit deep in wrappers may not be scored at all.
    /// </summary>
    private static List<IElement> WithSiblings(IElement top, TextMeasures measures, ExtractionTuning tuning)
    {
        if (top.ParentElement is not { } parent || top.LocalName == "body")
        {
            return [top];
        }

        var topProse = measures[top].Prose;
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            var measure = measures[sibling];
            var sameKind = sibling.LocalName == top.LocalName && !string.IsNullOrEmpty(top.ClassName) && sibling.ClassName == top.ClassName;
            var keep = sibling == top
                || (sameKind && measure.Prose > 0)
                || (measure.LinkDensity < tuning.MaxSiblingLinkDensity && measure.Prose >= topProse * tuning.MinSiblingProseShare)
                || (sibling.LocalName == "p" && measure.OwnChars > 80 && measure.LinkDensity < tuning.MaxSiblingLinkDensity);
            if (keep)
            {
                chosen.Add(sibling);
            }
        }

        return chosen;
    }
}
