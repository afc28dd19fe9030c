namespace NewsMonitor.Reading.Volume;

/// <summary>
/// An entity's volume asked for over [<see cref="From"/>, <see cref="To"/>) in hour or day buckets; the API and
/// <c>monitor volume</c> parse their parameters with the same rules, each naming its own parameters in the errors.
/// </summary>
public sealed record VolumeRequest(DateTimeOffset From, DateTimeOffset To, VolumeBucketSize Bucket)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(14);

    /// <summary>744 hour buckets: a month of hours is as much as a chart or a table can show.</summary>
    public static readonly TimeSpan MaxHourlyPeriod = TimeSpan.FromDays(31);

    /// <summary>A year of days reads at most 8,784 hour rows.</summary>
    public static readonly TimeSpan MaxDailyPeriod = TimeSpan.FromDays(366);

    /// <summary>
    /// Reads the period and bucket; <paramref name="to"/> defaults to now and is held to it (later hours have no
    /// matches yet), <paramref name="from"/> defaults to 14 days before <paramref name="to"/>.
    /// </summary>
    /// <param name="names">How the caller calls its from, to and bucket parameters, for the errors.</param>
    public static VolumeRequest? Parse(string? from, string? to, string? bucket, DateTimeOffset now, (string From, string To, string Bucket) names, List<string> problems)
    {
        var size = VolumeBucketSize.Day;
        if (!string.IsNullOrEmpty(bucket) && !TryParseBucket(bucket, out size))
        {
            problems.Add($"{names.Bucket}: \"{bucket}\" is not hour or day");
        }

        var end = now;
        if (!string.IsNullOrEmpty(to) && TimeExpression.TryParse(to, now, out var parsedEnd))
        {
            end = parsedEnd > now ? now : parsedEnd;
        }
        else if (!string.IsNullOrEmpty(to))
        {
            problems.Add($"{names.To}: \"{to}\" is not an ISO-8601 time or a duration such as 24h or 7d");
        }

        var start = end - DefaultPeriod;
        if (!string.IsNullOrEmpty(from) && TimeExpression.TryParse(from, now, out var parsedStart))
        {
            start = parsedStart;
        }
        else if (!string.IsNullOrEmpty(from))
        {
            problems.Add($"{names.From}: \"{from}\" is not an ISO-8601 time or a duration such as 24h or 14d");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        if (start >= end)
        {
            problems.Add($"{names.From}: must be before {names.To} ({end:yyyy-MM-ddTHH:mm}Z)");
            return null;
        }

        var longest = size == VolumeBucketSize.Hour ? MaxHourlyPeriod : MaxDailyPeriod;
        if (end - start > longest)
        {
            problems.Add($"{names.From}: at most {longest.TotalDays:0} days of {(size == VolumeBucketSize.Hour ? "hours" : "days")} at once; ask for a shorter period{(size == VolumeBucketSize.Hour ? " or day buckets" : string.Empty)}");
            return null;
        }

        return new VolumeRequest(start, end, size);
    }

    public static bool TryParseBucket(string text, out VolumeBucketSize bucket)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "hour":
                bucket = VolumeBucketSize.Hour;
                return true;
            case "day":
                bucket = VolumeBucketSize.Day;
                return true;
            default:
                bucket = VolumeBucketSize.Day;
                return false;
        }
    }
}
