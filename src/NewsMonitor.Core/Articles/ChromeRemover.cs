using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsMonitor.Articles;

/// <summary>
/// Removes what is never article text (scripts, styles, embeds, comments in the markup), then hidden elements and
/// page chrome named by <see cref="BoilerplateClassifier"/> — except an element that holds most of the page's prose:
/// sites name wrappers for their layout ("content with sidebar", "ad margins", a form around the whole page), and
/// removing one of those would remove the article.
/// </summary>
internal static class ChromeRemover
{
    /// <summary>A chrome-named element holding at least this share of the page's prose is a wrapper, not chrome.</summary>
    private const double WrapperProseShare = 0.5;

    public static void Remove(IHtmlDocument document)
    {
        foreach (var comment in document.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }

        foreach (var element in document.Descendants<IElement>().Where(BoilerplateClassifier.IsNonContent).ToList())
        {
            element.Remove();
        }

        if (document.Body is not { } body)
        {
            return;
        }

        var measures = TextMeasures.Of(body);
        RemoveChrome(body, measures, measures[body].Prose * WrapperProseShare);
    }

    private static void RemoveChrome(IElement parent, TextMeasures measures, double wrapperProse)
    {
        foreach (var element in parent.Children.ToList())
        {
            var chrome = BoilerplateClassifier.IsHidden(element) || BoilerplateClassifier.IsChromeByStructure(element) || BoilerplateClassifier.IsChromeByName(element);
            if (chrome && (measures[element].Prose < wrapperProse || measures[element].Prose == 0))
            {
                element.Remove();
            }
            else
            {
                RemoveChrome(element, measures, wrapperProse);
            }
        }
    }
}
