using Microsoft.Extensions.Logging;

namespace NewsMonitor.Cli.Terminal;

/// <summary>How much the CLI logs: which categories and levels reach the terminal, and whether stack traces do.</summary>
/// <param name="Events">Information from the pipeline (one line per feed polled, article matched…): <c>monitor run</c>.</param>
/// <param name="Verbose"><c>--verbose</c>: everything at Information and above, retries and stack traces included.</param>
/// <param name="Quiet"><c>--quiet</c>: warnings and errors only, even where <paramref name="Events"/> would show more.</param>
internal sealed record LogRules(bool Events, bool Verbose, bool Quiet)
{
    /// <summary>
    /// Categories whose lines repeat what a pipeline line says once: each retry of the HTTP resilience handler (Polly),
    /// and the Azure SDK's report of every error response, which the code expects and handles (a 404 for a blob not yet
    /// written, a 409 for a queue that exists). The final failure is logged by the stage that met it.
    /// </summary>
    private static readonly string[] RetryCategories = ["Polly", "Azure."];

    /// <summary>Per-request traces of HTTP clients and the Azure SDK: hundreds of lines a minute, even for --verbose.</summary>
    private static readonly string[] TraceCategories = ["System.Net.Http", "Azure."];

    public bool StackTraces => Verbose;

    public bool Shows(string category, LogLevel level)
    {
        if (level == LogLevel.None || level < LogLevel.Information)
        {
            return false;
        }

        if (Verbose && !Quiet)
        {
            return level >= LogLevel.Warning || !StartsWithAny(category, TraceCategories);
        }

        if (StartsWithAny(category, RetryCategories) || category.StartsWith("System.Net.Http", StringComparison.Ordinal))
        {
            return false;
        }

        return level >= LogLevel.Warning || (Events && !Quiet && category.StartsWith("NewsMonitor.", StringComparison.Ordinal));
    }

    private static bool StartsWithAny(string category, string[] prefixes)
        => prefixes.Any(prefix => category.StartsWith(prefix, StringComparison.Ordinal));
}
