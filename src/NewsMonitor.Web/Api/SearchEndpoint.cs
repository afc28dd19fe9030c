using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/search?q=&amp;since=&amp;feed=&amp;limit=&amp;cursor=</c>: every archived article of the window the query (the
/// watchlist's query language) matches, newest first, with highlighted sentences, <c>nextCursor</c> for the next page
/// and <c>scan</c>: how much of the archive was read. Reads only.
/// </summary>
public sealed class SearchEndpoint(ArchiveSearch search, TimeProvider clock)
{
    public const string Route = "api/search";

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Query;
        var input = new SearchInput
        {
            Q = parameters["q"],
            Since = parameters["since"],
            Feeds = parameters["feed"].OfType<string>().ToList(),
            Limit = parameters["limit"],
            Cursor = parameters["cursor"],
        };
        var query = SearchRequest.Parse(input, clock.GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        try
        {
            var page = await search.SearchAsync(query, cancellationToken).ConfigureAwait(false);
            return new JsonResult(page, JsonDefaults.Options);
        }
        catch (QuerySyntaxException ex)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, $"q: {SearchQuery.Describe(query.Query, ex)}");
        }
    }
}
