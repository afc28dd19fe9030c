using System.Diagnostics;
using System.Globalization;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// Every HTTP request the process sends while it is alive, as <c>HttpClient</c> reports it (the <c>System.Net.Http</c>
/// activity of each request, which the Azure SDK's transport goes through): counted and timed by storage resource and
/// method, and the wall time during which at least one was in flight. It shows where a backfill's time goes without a
/// hook in Core: the storage requests it waits for, and the time left when none is in flight (matching, serialising).
/// </summary>
internal sealed class StorageRequests : IDisposable
{
    private readonly ActivityListener listener;
    private readonly Lock gate = new();
    private readonly Dictionary<string, (int Count, TimeSpan Summed)> byKind = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly string prefix;
    private int inFlight;
    private TimeSpan busySince;
    private TimeSpan busy;

    /// <param name="prefix">The storage prefix, left off the resource names reported.</param>
    public StorageRequests(string prefix)
    {
        this.prefix = prefix;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _ => Started(),
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byKind.Values.Sum(k => k.Count);
            }
        }
    }

    /// <summary>Wall time during which at least one request was in flight.</summary>
    public TimeSpan Busy
    {
        get
        {
            lock (gate)
            {
                return busy;
            }
        }
    }

    /// <summary>Summed duration of the requests of resources whose name ends with <paramref name="resource"/>.</summary>
    public TimeSpan SummedFor(string resource)
    {
        lock (gate)
        {
            return byKind.Where(k => k.Key.Split(' ')[1].EndsWith(resource, StringComparison.Ordinal)).Aggregate(TimeSpan.Zero, (sum, k) => sum + k.Value.Summed);
        }
    }

    /// <summary>One line per resource and method, most time first: "PUT matches: 1,234 requests, 5.6 s summed (4.5 ms each)".</summary>
    public IEnumerable<string> Describe()
    {
        lock (gate)
        {
            return byKind.OrderByDescending(k => k.Value.Summed).Select(k => string.Create(CultureInfo.InvariantCulture,
                $"{k.Key}: {k.Value.Count:N0} requests, {k.Value.Summed.TotalSeconds:F1} s summed ({k.Value.Summed.TotalMilliseconds / k.Value.Count:F1} ms each)")).ToList();
        }
    }

    public void Dispose() => listener.Dispose();

    private void Started()
    {
        lock (gate)
        {
            if (inFlight++ == 0)
            {
                busySince = clock.Elapsed;
            }
        }
    }

    private void Stopped(Activity activity)
    {
        var kind = $"{activity.GetTagItem("http.request.method") ?? "?"} {Resource(activity.GetTagItem("url.full") as string)}";
        lock (gate)
        {
            byKind[kind] = byKind.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.Summed + activity.Duration) : (1, activity.Duration);

            // A request started before this recorder existed stops here unbalanced: it is counted, its wait is not.
            if (inFlight > 0 && --inFlight == 0)
            {
                busy += clock.Elapsed - busySince;
            }
        }
    }

    /// <summary>The container, table or queue of a path-style (Azurite) URL, without the prefix: "archive", "MatchIndex", "$batch".</summary>
    private string Resource(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Segments.Length < 3)
        {
            return "other";
        }

        var name = uri.Segments[2].TrimEnd('/');
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren >= 0 ? name[..paren] : name;
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length ? name[prefix.Length..].TrimStart('-') : name;
    }
}
