using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>Every block of a job counts itself into one header row: blocks that finish together must each be counted once.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class BackfillStoreTests(LocalEnvironment environment)
{
    [Fact]
    public async Task ThirtyBlocksFinishingAtOnceAreEachCountedOnceAndCountingAgainChangesNothing()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var store = new BackfillStore(deployment.Storage);
        var now = DateTimeOffset.UtcNow;
        var job = new BackfillJob("contended", BackfillJob.Manual, BackfillJob.Running, "v1", now.AddDays(-1), now, new Dictionary<string, string> { ["nkosi"] = "f1" }, new HashSet<string> { "nkosi" }, 30, 0, 0, 0, new Dictionary<string, EntityTally>(), new HashSet<string>(), Enqueued: true, now, null);
        Assert.True(await store.TryCreateJobAsync(job));
        var blocks = Enumerable.Range(0, 30).Select(i => $"2026/11/30/{i / 4:D2}/s{i % 4}").ToList();
        foreach (var block in blocks)
        {
            await store.RecordBlockAsync(job.Id, block, new BlockProgress(10, 1_000, new Dictionary<string, EntityTally> { ["nkosi"] = new(1, 0) }, new HashSet<string>(), Done: false));
        }

        await Task.WhenAll(blocks.Select(block => Task.Run(() => store.CompleteBlockAsync(job.Id, block))));
        await Task.WhenAll(blocks.Take(5).Select(block => store.CompleteBlockAsync(job.Id, block)));

        var counted = (await store.GetJobAsync(job.Id))!;
        Assert.Equal((30, 300L, 30), (counted.BlocksDone, counted.Articles, counted.Added));
    }
}
