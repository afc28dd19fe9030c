using System.Text.Json;
using NewsMonitor.Hosting;

namespace NewsMonitor.Functions.Tests;

/// <summary>The Worker SDK writes functions.metadata at build; the Functions host indexes the app from it, so it is the deployable contract.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Functions = new(Load);

    public static TheoryData<string, string, string, string> Triggers => new()
    {
        { "ScheduleFeeds", "timerTrigger", "schedule", "%PollSchedule%" },
        { "PollFeed", "queueTrigger", "queueName", "feeds" },
        { "ExtractMentions", "queueTrigger", "queueName", "articles" },
        { "SendDigests", "timerTrigger", "schedule", "%DigestSchedule%" },
        { "DeliverAlerts", "queueTrigger", "queueName", "alerts" },
        { "BackfillBlock", "queueTrigger", "queueName", "backfill" },
        { "DeliverSpikes", "queueTrigger", "queueName", "spikes" },
        { "CompactArchive", "timerTrigger", "schedule", "0 5,20,35,50 * * * *" },
        { "ApplyRetention", "timerTrigger", "schedule", "0 40 3 * * *" },
        { "EntitiesApi", "httpTrigger", "route", "api/entities" },
        { "EntityApi", "httpTrigger", "route", "api/entities/{entityId}" },
        { "VolumeApi", "httpTrigger", "route", "api/entities/{entityId}/volume" },
        { "ExclusionsApi", "httpTrigger", "route", "api/watchlist/exclusions" },
        { "ReviewApi", "httpTrigger", "route", "api/matches/{articleId}/review" },
        { "FeedsApi", "httpTrigger", "route", "api/feeds" },
        { "MatchesApi", "httpTrigger", "route", "api/matches/{articleId?}" },
        { "PoisonApi", "httpTrigger", "route", "api/poison/{action?}" },
        { "StatusApi", "httpTrigger", "route", "api/status" },
        { "SearchApi", "httpTrigger", "route", "api/search" },
        { "BacktestApi", "httpTrigger", "route", "api/backtest" },
        { "BackfillsApi", "httpTrigger", "route", "api/backfills" },
        { "SubscriptionFeedApi", "httpTrigger", "route", "api/subscriptions/{subscriptionId}/feed.atom" },
        { "MatchesFeedApi", "httpTrigger", "route", "api/matches.atom" },
        { "Workspace", "httpTrigger", "route", "{*path}" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void EachFunctionHasItsTrigger(string function, string type, string property, string expected)
    {
        var trigger = Trigger(function);

        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(expected, trigger.GetProperty(property).GetString());
    }

    public static TheoryData<string> QueueStages => new(PipelineStages.Queues.Select(stage => stage.Name));

    /// <summary>A stage is declared once, in <see cref="PipelineStages"/>; the function class only repeats its queue as an attribute constant.</summary>
    [Theory]
    [MemberData(nameof(QueueStages))]
    public void EachQueueStageIsAFunctionOnTheQueueItsDescriptionNames(string name)
    {
        var stage = PipelineStages.Queues.Single(s => s.Name == name);
        var trigger = Trigger(name);

        Assert.Equal(("queueTrigger", stage.Queue), (trigger.GetProperty("type").GetString(), trigger.GetProperty("queueName").GetString()));
    }

    public static TheoryData<string> TimerStages => new(PipelineStages.Timers.Select(stage => stage.Name));

    [Theory]
    [MemberData(nameof(TimerStages))]
    public void EachTimerStageIsAFunctionOnTheScheduleItsDescriptionNames(string name)
    {
        var stage = PipelineStages.Timers.Single(s => s.Name == name);
        var trigger = Trigger(name);

        Assert.Equal(("timerTrigger", stage.TriggerSchedule), (trigger.GetProperty("type").GetString(), trigger.GetProperty("schedule").GetString()));
    }

    [Fact]
    public void TheAppHasExactlyItsTwentyOneFunctions()
    {
        var names = Functions.Value.Keys.Order(StringComparer.Ordinal);

        Assert.Equal(["ApplyRetention", "BackfillBlock", "BackfillsApi", "BacktestApi", "CompactArchive", "DeliverAlerts", "DeliverSpikes", "EntitiesApi", "EntityApi", "ExclusionsApi", "ExtractMentions", "FeedsApi", "MatchesApi", "MatchesFeedApi", "PoisonApi", "PollFeed", "ReviewApi", "ScheduleFeeds", "SearchApi", "SendDigests", "StatusApi", "SubscriptionFeedApi", "VolumeApi", "Workspace"], names);
    }

    [Fact]
    public void PoisonReplayNeedsTheAdminKey()
    {
        var trigger = Trigger("PoisonApi");

        Assert.Equal(["get", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Admin", trigger.GetProperty("authLevel").GetString());
    }

    [Theory]
    [InlineData("MatchesApi")]
    [InlineData("EntitiesApi")]
    [InlineData("EntityApi")]
    [InlineData("VolumeApi")]
    [InlineData("FeedsApi")]
    [InlineData("StatusApi")]
    [InlineData("SearchApi")]
    [InlineData("BackfillsApi")]
    [InlineData("SubscriptionFeedApi")]
    [InlineData("MatchesFeedApi")]
    [InlineData("Workspace")]
    public void TheWorkspaceAndItsApiAnswerGetBehindAppServiceAuthentication(string function)
    {
        var trigger = Trigger(function);

        // No function key: the browser cannot send one; App Service authentication (infra/) admits the tenant's users.
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void ABacktestIsAPostAdmittedLikeTheReadsSinceItWritesNothing()
    {
        var trigger = Trigger("BacktestApi");

        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void HostJsonShipsWithTheAppWithExplicitQueueSettings()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppOutput(), "host.json")));

        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.True(queues.GetProperty("batchSize").GetInt32() > 0);
        Assert.True(TimeSpan.TryParse(queues.GetProperty("visibilityTimeout").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.False(host.RootElement.TryGetProperty("extensionBundle", out _));
    }

    /// <summary>
    /// The workspace is served at <c>/</c> and the API under <c>/api/…</c> from the same app, so the host adds no prefix
    /// of its own: each HTTP route spells out where it lives.
    /// </summary>
    [Fact]
    public void HostJsonServesRoutesWithoutAPrefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppOutput(), "host.json")));

        var http = host.RootElement.GetProperty("extensions").GetProperty("http");

        Assert.Equal(string.Empty, http.GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void TheWorkerIsConfiguredForTheIsolatedModel()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppOutput(), "worker.config.json")));

        Assert.Equal("dotnet-isolated", worker.RootElement.GetProperty("description").GetProperty("language").GetString());
    }

    private static JsonElement Trigger(string function)
        => Functions.Value[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppOutput(), "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    /// <summary>The Functions project's own build output, built with the same configuration as this test assembly.</summary>
    private static string AppOutput()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Monitor.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var output = Path.Combine(root.FullName, "src", "NewsMonitor.Functions", "bin", configuration, framework);
        Assert.True(File.Exists(Path.Combine(output, "functions.metadata")), $"no functions.metadata in {output}: the Worker SDK did not generate it");
        return output;
    }
}
