using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsMonitor.Articles;

/// <summary>
/// Removes what is never article text (scripts, styles, embeds, comments in the markup) and what interrupts the story
/// (dialogs, notices, comment threads), then hidden elements and page chrome named by
/// <see cref="BoilerplateClassifier"/> — except an element that holds most of the rest of the page's prose: sites
/// name wrappers for their layout ("content with sidebar", "ad margins", a form around the whole page), and removing
/// one of those would remove the article.
/// </summary>
internal static class ChromeRemover
{
    /// <param name="document">The page, changed in place.</param>
    /// <param name="tuning">The thresholds; <see cref="ExtractionTuning.WrapperProseShare"/> here.</param>
    /// <param name="byName">Whether class and id names mark chrome; without them only tags, roles and hidden elements do
    /// (names still mark interruptions).</param>
    public static void Remove(IHtmlDocument document, ExtractionTuning tuning, bool byName = true)
    {
        var emptied = new HashSet<IElement>();
        foreach (var node in document.Descendants().Where(n => n is IComment || (n is IElement e && BoilerplateClassifier.IsNonContent(e))).ToList())
        {
            if (node is IElement && node.ParentElement is { } parent)
            {
                emptied.Add(parent);
            }

            node.RemoveFromParent();
        }

        RemoveRemnants(emptied);

        if (document.Body is not { } body)
        {
            return;
        }

        // Interruptions go before the prose is measured, so that a long notice or thread cannot make the story look small.
        var chrome = new HashSet<IElement>();
        foreach (var element in body.Descendants<IElement>().ToList())
        {
            switch (BoilerplateClassifier.Classify(element, byName))
            {
                case ElementRole.Interruption:
                    element.Remove();
                    break;
                case ElementRole.Chrome:
                    chrome.Add(element);
                    break;
            }
        }

        var measures = TextMeasures.Of(body);
        RemoveChrome(body, chrome, measures, measures[body].Prose * tuning.WrapperProseShare);
    }

    /// <summary>
    /// An ad slot, a player or a text-size control leaves its label behind once its script, frame or buttons are gone
    /// ("Advert", "Text size"): the highest ancestor of a removed element with less than a paragraph of text is removed.
    /// </summary>
    private static void RemoveRemnants(HashSet<IElement> emptied)
    {
        foreach (var element in emptied)
        {
            IElement? remnant = null;
            for (var ancestor = element; ancestor is { LocalName: not ("body" or "html") } && !HasParagraphOfText(ancestor); ancestor = ancestor.ParentElement)
            {
                remnant = ancestor;
            }

            remnant?.Remove();
        }
    }

    private static bool HasParagraphOfText(INode node)
    {
        var count = 0;
        foreach (var text in node.Descendants<IText>())
        {
            foreach (var c in text.Data)
            {
                if (!char.IsWhiteSpace(c) && ++count >= TextMeasures.ParagraphChars)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void RemoveChrome(IElement parent, HashSet<IElement> chrome, TextMeasures measures, double wrapperProse)
    {
        foreach (var element in parent.Children.ToList())
        {
            if (chrome.Contains(element) && (measures[element].Prose < wrapperProse || measures[element].Prose == 0))
            {
                element.Remove();
            }
            else
            {
                RemoveChrome(element, chrome, measures, wrapperProse);
            }
        }
    }
}
