using Microsoft.Extensions.Options;
using NewsMonitor.Configuration;

namespace NewsMonitor.Lifecycle;

/// <summary>
/// The order of the retention windows, checked at start-up. An article's <c>SeenArticles</c> row is how <c>show</c>
/// finds its blob, so it must outlive the match; and a backfill rewrites matches of archived articles, so the matches
/// must outlive the archive, or it would bring back a deleted match with half its history.
/// </summary>
public sealed class RetentionWindows(IOptions<MonitorOptions> monitor) : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = new List<string>();
        if (options.SeenArticles < options.Matches)
        {
            problems.Add($"Monitor:Retention:SeenArticles ({options.SeenArticles.TotalDays:0.##} days) must be at least Monitor:Retention:Matches ({options.Matches.TotalDays:0.##} days): a matched article is found through its SeenArticles row");
        }

        var archive = monitor.Value.ArchiveRetention;
        if (options.Matches < archive)
        {
            problems.Add($"Monitor:Retention:Matches ({options.Matches.TotalDays:0.##} days) must be at least Monitor:ArchiveRetention ({archive.TotalDays:0.##} days): a backfill over the archive would bring back deleted matches");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
