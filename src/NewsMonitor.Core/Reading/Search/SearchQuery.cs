using System.Globalization;
using NewsMonitor.Archive;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// A query of the watchlist language compiled for the archive: one topic holding the query, next to the live figures it
/// names with <c>@id</c>, matched by the same <see cref="MentionMatcher"/> as the pipeline, so a search finds exactly
/// what a topic with that query would match.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>The topic's id: '@' cannot start a watchlist id, so it never collides with a figure's.</summary>
    private const string TopicId = "@search";

    private readonly MentionMatcher matcher;

    private SearchQuery(string text, MentionMatcher matcher)
    {
        Text = text;
        this.matcher = matcher;
    }

    public string Text { get; }

    /// <summary>Compiles <paramref name="text"/>; <c>@id</c> refers to a figure of <paramref name="live"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query does not parse, names an unknown figure or has too many terms.</exception>
    public static SearchQuery Compile(string text, Watchlist live)
    {
        var query = QueryParser.Parse(text);
        var leaves = QueryNode.Leaves(query).ToList();
        if (leaves.Count > WatchlistLoader.MaxTermsPerQuery)
        {
            throw new QuerySyntaxException(1, string.Create(CultureInfo.InvariantCulture, $"{leaves.Count:N0} terms and @figures; a query may hold at most {WatchlistLoader.MaxTermsPerQuery:N0}"));
        }

        var figures = new List<Figure>();
        foreach (var reference in leaves.OfType<FigureNode>())
        {
            var figure = live.Figures.FirstOrDefault(f => f.Id == reference.FigureId)
                ?? throw new QuerySyntaxException(reference.Column, $"unknown figure @{reference.FigureId}; the watchlist's figures are {string.Join(", ", live.Figures.Select(f => "@" + f.Id))}");
            if (!figures.Contains(figure))
            {
                figures.Add(figure);
            }
        }

        // Only the figures the query names: every other name would only slow the scan down.
        var topic = new QueryEntity(TopicId, text, EntityKind.Topic, text, query, AlertPriority.Normal);
        return new SearchQuery(text, new MentionMatcher(new Watchlist(figures, [topic], [], "search")));
    }

    /// <summary>A problem with <paramref name="text"/> as users read it: the query, the column and what is wrong there.</summary>
    public static string Describe(string text, QuerySyntaxException problem)
        => string.Create(CultureInfo.InvariantCulture, $"\"{text}\", col {problem.Column}: {problem.Reason}");

    /// <summary>The query's evidence in the article, title first; empty when the article does not match.</summary>
    public IReadOnlyList<Mention> Find(ArchivedArticle article)
        => matcher.Match(article.ToArticleText()).Mentions.Where(m => m.EntityId == TopicId).ToList();
}
