using NewsMonitor.Feeds;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// Every ill-formed or hostile file of the corpus either gives a feed or a <see cref="FeedParseException"/> that names
/// the problem — within a few seconds, with bounded allocation, and without one request to the loopback recorder its
/// external identifiers are pointed at. The outcome of each file is pinned in TestData/FeedGolden/illformed-outcomes.json.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class IllformedCorpusTests(LoopbackRecorder recorder) : IClassFixture<LoopbackRecorder>
{
    private const string OutcomesFile = "illformed-outcomes";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private const long MaxAllocatedBytes = 64L * 1024 * 1024; // the largest file (807 KB of gzipped XML) takes ~8 MB

    // What .NET says when it meets a DTD it may not process; users must never be told to turn DTDs on.
    private static readonly string[] LeakedAdvice = ["DtdProcessing", "XmlReaderSettings", "For security reasons"];

    public static TheoryData<string> IllformedFiles => FeedCorpus.Names("illformed");

    [CorpusTheory(SharedCorpus.Feeds)]
    [MemberData(nameof(IllformedFiles))]
    public async Task IllformedFileGivesAFeedOrANamedProblemQuicklyAndOffline(string name)
    {
        var content = recorder.PointExternalIdsHere(File.ReadAllBytes(FeedCorpus.PathOf("illformed", name)));
        var url = FeedCorpus.UrlOf(name);

        var (outcome, allocated) = await Task.Run(() => Outcome(content, url)).WaitAsync(Limit);
        outcome = outcome.Replace(recorder.Url.ToString(), "http://recorder/", StringComparison.Ordinal);

        Assert.True(allocated < MaxAllocatedBytes, $"{allocated:N0} bytes allocated");
        Assert.Equal(0, recorder.Connections);
        if (outcome.StartsWith("error: ", StringComparison.Ordinal))
        {
            Assert.True(outcome.Length < 400, outcome);
            Assert.DoesNotContain(LeakedAdvice, advice => outcome.Contains(advice, StringComparison.Ordinal));
            Assert.DoesNotContain("ENTITY-WAS-FETCHED", outcome, StringComparison.Ordinal);
        }

        Assert.Equal(ExpectedOutcome(name, outcome), outcome);
    }

    [CorpusFact(SharedCorpus.Feeds)]
    public void EveryIllformedFileHasAPinnedOutcome()
    {
        var pinned = ReadOutcomes();

        Assert.Equal(FeedCorpus.FileNames("illformed"), pinned.Keys.Order(StringComparer.Ordinal));
    }

    private static (string Outcome, long Allocated) Outcome(byte[] content, Uri url)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        string outcome;
        try
        {
            var feed = FeedParser.Parse(content, url);
            outcome = $"{feed.Format}, {feed.Items.Count} items";
        }
        catch (FeedParseException ex)
        {
            var prefix = $"{url}: not a readable feed: ";
            Assert.StartsWith(prefix, ex.Message, StringComparison.Ordinal);
            outcome = "error: " + ex.Message[prefix.Length..];
        }

        return (outcome, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string ExpectedOutcome(string name, string actual)
    {
        var pinned = ReadOutcomes();
        if (FeedCorpus.WritingGolden && !pinned.ContainsKey(name))
        {
            lock (typeof(IllformedCorpusTests))
            {
                var path = FeedCorpus.GoldenSourcePath(OutcomesFile);
                var current = File.Exists(path) ? System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, string>>(File.ReadAllText(path))! : new SortedDictionary<string, string>(StringComparer.Ordinal);
                current[name] = actual;
                File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(current, FeedCorpus.GoldenJson) + "\n");
            }

            return actual;
        }

        return pinned.TryGetValue(name, out var expected) ? expected : $"(no pinned outcome for {name})";
    }

    private static Dictionary<string, string> ReadOutcomes()
    {
        var path = FeedCorpus.GoldenPath(OutcomesFile);
        return File.Exists(path)
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!
            : [];
    }
}
