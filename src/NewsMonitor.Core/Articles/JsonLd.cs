using System.Text.Json;
using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>The schema.org facts a page states about itself in <c>application/ld+json</c> scripts.</summary>
internal sealed record JsonLd(string? Headline, string? DatePublished, string? Author, string? ArticleBody)
{
    public static JsonLd Read(IDocument document)
    {
        string? headline = null, published = null, author = null, body = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var item in Items(json.RootElement))
                {
                    headline ??= String(item, "headline");
                    published ??= String(item, "datePublished");
                    author ??= AuthorName(item);
                    body ??= String(item, "articleBody");
                }
            }
            catch (JsonException)
            {
                // A page's broken JSON-LD says nothing; the meta tags and the markup still do.
            }
        }

        return new JsonLd(headline, published, author, body);
    }

    /// <summary>Every object in the document: top-level items, arrays of items and <c>@graph</c> members, depth first.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                yield return element;
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var item in Items(property.Value))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var child in element.EnumerateArray())
                {
                    foreach (var item in Items(child))
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    private static string? String(JsonElement item, string name)
        => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    private static string? AuthorName(JsonElement item)
    {
        if (!item.TryGetProperty("author", out var author))
        {
            return null;
        }

        var first = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().FirstOrDefault() : author;
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object => String(first, "name"),
            _ => null,
        };
    }
}
