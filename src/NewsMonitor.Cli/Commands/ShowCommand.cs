using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Escaping;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Reading;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor show &lt;articleId&gt; [--plain]</c>: a stored article with every mention highlighted (reverse video on a
/// terminal, «…» otherwise), and its review state.
/// </summary>
internal static class ShowCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var id = new Argument<string>("article-id") { Description = "32 lower-case hex digits, as monitor matches lists them." };
        var plain = CliOptions.Switch("--plain", "Mark mentions with «…» instead of reverse video.");
        return new MonitorCommand("show", "A stored article with its mentions highlighted and its review state.")
        {
            id, plain,
        }.UsingStorage().WithExamples(("monitor show d96709980c1693caa227a190f75f5916", "the article, mentions highlighted"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(id)!, result.GetValue(plain), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string id, bool plain, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(id))
        {
            throw new UsageException("give one article id (32 lower-case hex digits), as `monitor matches` lists them");
        }

        await using var services = context.BuildServices();
        var article = await services.GetRequiredService<MatchFinder>().GetAsync(id, cancellationToken);
        if (article is null)
        {
            await context.Error.WriteLineAsync($"monitor show: no stored match with id {id}");
            return 1;
        }

        var review = await services.GetRequiredService<ReviewService>().GetAsync(article.ArticleId, cancellationToken) ?? Review.Unreviewed(article.ArticleId);
        var color = !plain && ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected;
        await context.Output.WriteAsync(Render(article, color));
        await context.Output.WriteAsync(RenderReview(review));
        return 0;
    }

    /// <summary>The article as printed: feed text through <see cref="ControlCharacters.Reveal"/>, so only our highlight is an escape sequence.</summary>
    internal static string Render(StoredArticle article, bool color)
    {
        var (open, close) = color ? ("\u001b[7m", "\u001b[0m") : ("«", "»");
        var text = new StringBuilder();
        text.AppendLine(Highlight(article.Title, article.Mentions.Where(m => m.Field == TextField.Title), open, close, keepLineBreaks: false))
            .AppendLine(CultureInfo.InvariantCulture, $"{article.Url}  ·  {ControlCharacters.Reveal(article.FeedId)}  ·  {article.Published?.UtcDateTime:yyyy-MM-dd HH:mm} UTC  ·  text from {article.TextOrigin.ToString().ToLowerInvariant()}")
            .AppendLine(string.Join("  ", article.Entities.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id} ×{e.Count} ({e.Score:0.00})"))))
            .AppendLine()
            .AppendLine(Highlight(article.Text, article.Mentions.Where(m => m.Field == TextField.Body), open, close, keepLineBreaks: true));
        return text.ToString();
    }

    /// <summary>The review lines: state, starred, reason, note, by whom and when; reviewers' text revealed like the feed's.</summary>
    internal static string RenderReview(Review review)
    {
        var text = new StringBuilder().AppendLine();
        if (review.At is not { } at)
        {
            return text.AppendLine("review: unreviewed").ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"review: {review.State ?? "unreviewed"}{(review.Starred ? ", starred" : string.Empty)}  ·  by {ControlCharacters.Reveal(review.By ?? string.Empty)}  ·  {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        if (review.Reason is { } reason)
        {
            text.AppendLine("reason: " + ControlCharacters.Reveal(reason));
        }

        if (review.Note is { } note)
        {
            text.AppendLine("note: " + ControlCharacters.Reveal(note));
        }

        return text.ToString();
    }

    /// <summary>Marks each mentioned span once, even where several entities share it; the offsets are the stored text's, so each piece is revealed on its own.</summary>
    private static string Highlight(string text, IEnumerable<Mention> mentions, string open, string close, bool keepLineBreaks)
    {
        var result = new StringBuilder();
        var position = 0;
        foreach (var mention in mentions.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (mention.Start < position || mention.Start + mention.Length > text.Length)
            {
                continue;
            }

            result.Append(Reveal(text[position..mention.Start])).Append(open).Append(Reveal(text.Substring(mention.Start, mention.Length))).Append(close);
            position = mention.Start + mention.Length;
        }

        return result.Append(Reveal(text[position..])).ToString();

        string Reveal(string piece) => ControlCharacters.Reveal(piece, keepLineBreaks);
    }
}
