using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Storage;
using StandardWebhooks;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// The delivery ledger against a real Azurite, the in-process SMTP server and loopback webhook receivers: each channel
/// gets an item once, a failed channel is retried alone, and the one repeat a crash or a timeout can cause keeps its
/// <c>webhook-id</c>.
/// </summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class DeliveryLedgerTests(LocalEnvironment environment)
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String("a test key of thirty-two bytes.."u8.ToArray());

    [Fact]
    public async Task AWebhookThatFailsOnceIsRetriedAloneAndTheEmailGoesOnce()
    {
        await using var smtp = TestSmtpServer.Start();
        var calls = 0;
        await using var hook = await Receiver.StartAsync(_ => Interlocked.Increment(ref calls) == 1 ? Task.FromResult(Results.StatusCode(500)) : Task.FromResult(Results.Ok()));
        var deployment = await MatchedDeploymentAsync(smtp, $$"""{"id":"urgent","name":"Urgent","frequency":"immediate","entities":["trump-putin-contact"],"email":["duty@example.org"],"webhooks":[{"url":"{{hook.Url}}"}]}""");
        await using var services = deployment.BuildServices();
        var alerts = services.GetRequiredService<AlertDeliverer>();
        var message = new AlertMessage(environment.ArticleIdOf("trump-putin-ally"), ["trump-putin-contact"], DateTimeOffset.UtcNow);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => alerts.DeliverAsync(message));
        var retry = Assert.Single(await alerts.DeliverAsync(message));

        Assert.Contains("answered 500", failure.Message, StringComparison.Ordinal);
        Assert.Equal([DeliveryStatus.AlreadyDelivered, DeliveryStatus.Sent], retry.Channels.Select(c => c.Status));
        Assert.Single(smtp.Messages);
        Assert.Equal(2, hook.Received.Count);
        Assert.Single(hook.Received.Select(r => r.Id).Distinct());
        Assert.All(hook.Received, r => Assert.True(r.Verified));
    }

    [Fact]
    public async Task SmtpDownThenUpSendsTheDigestEmailOnceAndTheWebhookIsNotSentAgain()
    {
        var down = TestSmtpServer.Start();
        var port = down.Port;
        await down.DisposeAsync();
        await using var hook = await Receiver.StartAsync(_ => Task.FromResult(Results.Ok()));
        var deployment = await MatchedDeploymentAsync(null, $$"""{"id":"desk","name":"Desk","email":["analyst@example.org"],"webhooks":[{"url":"{{hook.Url}}","format":"slack"}]}""");
        UseSmtp(deployment, port);

        var whileDown = await RunDigestsAsync(deployment);
        await using var smtp = TestSmtpServer.StartOn(port);
        var whenUp = await RunDigestsAsync(deployment);
        var after = await RunDigestsAsync(deployment);

        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Sent], whileDown.Select(o => o.Status));
        Assert.Contains("did not accept", whileDown[0].Error, StringComparison.Ordinal);
        var retried = Assert.Single(whenUp);
        Assert.Equal(("email", DeliveryStatus.Sent, whileDown[0].Items), (retried.Channel.Key, retried.Status, retried.Items));
        Assert.Empty(after);
        Assert.Single(smtp.Messages);
        Assert.Single(hook.Received);
    }

    [Fact]
    public async Task AReceiverThatTimesOutAfterAcceptingSeesTheSameWebhookIdTwice()
    {
        await using var smtp = TestSmtpServer.Start();
        var calls = 0;
        await using var hook = await Receiver.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Accepted and kept — then too slow to answer: the sender gives up.
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return Results.Ok();
        });
        var deployment = await MatchedDeploymentAsync(smtp, $$"""{"id":"desk","name":"Desk","email":["analyst@example.org"],"webhooks":[{"url":"{{hook.Url}}"}]}""");
        deployment.Settings["Monitor:Http:Timeout"] = "00:00:01";

        var first = await RunDigestsAsync(deployment);
        var second = await RunDigestsAsync(deployment);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Failed], first.Select(o => o.Status));
        Assert.Contains("did not answer within 1 s", first[1].Error, StringComparison.Ordinal);
        var retried = Assert.Single(second);
        Assert.Equal((DeliveryStatus.Sent, first[1].Items), (retried.Status, retried.Items));
        Assert.Single(smtp.Messages);
        Assert.Equal(2, hook.Received.Count);
        Assert.Single(hook.Received.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task AClaimLeftByACrashIsTakenOverOnlyAfterItsLease()
    {
        await using var hook = await Receiver.StartAsync(_ => Task.FromResult(Results.Ok()));
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var subscription = new Subscription("desk", "Desk", [], 0) { Webhooks = [new WebhookTarget(hook.Url, WebhookFormat.Json, IsSigned: false)] };
        var channel = Assert.Single(DeliveryChannel.Of(subscription));
        var crashedAt = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(crashedAt);
        await using var services = deployment.BuildServices(clock);
        var ledger = services.GetRequiredService<DeliveryLedger>();
        var store = services.GetRequiredService<DeliveryStore>();
        var content = new Digest("desk", "Desk", crashedAt, crashedAt, []);
        await store.TryClaimAsync("desk", "alert:crashed", channel.Key, crashedAt);

        clock.Advance(DeliveryLedger.ClaimLease - TimeSpan.FromSeconds(1));
        var withinLease = await ledger.DeliverAsync(subscription, "alert:crashed", content);
        clock.Advance(TimeSpan.FromSeconds(2));
        var afterLease = await ledger.DeliverAsync(subscription, "alert:crashed", content);
        var again = await ledger.DeliverAsync(subscription, "alert:crashed", content);
        var record = await store.GetAsync("desk", "alert:crashed", channel.Key);

        Assert.Equal(DeliveryStatus.InProgress, Assert.Single(withinLease.Channels).Status);
        Assert.Equal(TimeSpan.FromSeconds(1), withinLease.Channels[0].RetryAfter);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(afterLease.Channels).Status);
        Assert.Equal(DeliveryStatus.AlreadyDelivered, Assert.Single(again.Channels).Status);
        Assert.Equal((DeliveryStates.Sent, 2), (record!.State, record.Attempts));
        Assert.Equal(WebhookSignature.MessageId("desk", "alert:crashed", channel.Key), Assert.Single(hook.Received).Id);
    }

    [Fact]
    public async Task ACrashBetweenTheSendAndTheStateSaveResendsNothing()
    {
        await using var hook = await Receiver.StartAsync(_ => Task.FromResult(Results.Ok()));
        var deployment = await MatchedDeploymentAsync(null, $$"""{"id":"desk","name":"Desk","webhooks":[{"url":"{{hook.Url}}"}]}""");
        var sent = Assert.Single(await RunDigestsAsync(deployment));
        var digests = new DigestStore(deployment.Storage);
        var state = await digests.GetStateAsync("desk", sent.Channel.Key);
        var delivered = await deployment.Storage.Deliveries.QueryAsync<TableEntity>(e => e.PartitionKey == "desk").SingleAsync();
        // The state as the write-ahead left it: the digest pending, the watermark not moved yet.
        var through = state.Watermark;
        state.PendingItem = delivered.RowKey.Split('|')[0];
        state.PendingThrough = through;
        state.PendingFor = state.LastRunAt;
        state.Watermark = through!.Value.AddDays(-1);
        state.LastRunAt = null;
        await digests.SaveStateAsync(state);

        var recovered = await RunDigestsAsync(deployment);
        var after = await digests.GetStateAsync("desk", sent.Channel.Key);

        Assert.Equal(DeliveryStatus.AlreadyDelivered, Assert.Single(recovered).Status);
        Assert.Single(hook.Received);
        Assert.Equal((through, (string?)null), (after.Watermark, after.PendingItem));
    }

    [Fact]
    public async Task APendingDigestWhoseArticlesWereAllDismissedIsNotSentEmpty()
    {
        var calls = 0;
        await using var hook = await Receiver.StartAsync(_ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.Ok()));
        var deployment = await MatchedDeploymentAsync(null, $$"""{"id":"desk","name":"Desk","entities":["trump-putin-contact"],"webhooks":[{"url":"{{hook.Url}}"}]}""");
        var failed = Assert.Single(await RunDigestsAsync(deployment));
        await using (var services = deployment.BuildServices())
        {
            await services.GetRequiredService<Reviews.ReviewService>().ApplyAsync(environment.ArticleIdOf("trump-putin-ally"), new Reviews.ReviewChange { State = Reviews.ReviewStates.Dismissed }, "ana");
        }

        var retried = await RunDigestsAsync(deployment);
        var state = await new DigestStore(deployment.Storage).GetStateAsync("desk", failed.Channel.Key);

        Assert.Equal((DeliveryStatus.Failed, 1), (failed.Status, failed.Items));
        Assert.Empty(retried);
        Assert.Single(hook.Received);
        Assert.Null(state.PendingItem);
        Assert.Null(state.LastError);
    }

    [Fact]
    public async Task AWebhooksStateUnderItsOldPositionKeyMovesToItsUrlKey()
    {
        await using var hook = await Receiver.StartAsync(_ => Task.FromResult(Results.Ok()));
        var deployment = await MatchedDeploymentAsync(null, $$"""{"id":"desk","name":"Desk","webhooks":[{"url":"{{hook.Url}}"}]}""");
        var watermark = DateTimeOffset.UtcNow;
        await deployment.Storage.DigestState.AddEntityAsync(new DigestState { PartitionKey = "desk", RowKey = "webhook-0", Watermark = watermark });

        var outcomes = await RunDigestsAsync(deployment);
        var moved = await new DigestStore(deployment.Storage).GetStateAsync("desk", WebhookChannel.KeyFor(hook.Url));
        var legacy = await deployment.Storage.DigestState.GetEntityIfExistsAsync<DigestState>("desk", "webhook-0");

        Assert.Empty(outcomes);
        Assert.Empty(hook.Received);
        Assert.Equal(watermark, moved.Watermark);
        Assert.False(legacy.HasValue);
    }

    private async Task<TestDeployment> MatchedDeploymentAsync(TestSmtpServer? smtp, string subscription)
    {
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        var path = Path.Combine(deployment.Folder, "subscriptions.json");
        await File.WriteAllTextAsync(path, $$"""{"subscriptions":[{{subscription}}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = path;
        deployment.Settings["Monitor:WebhookSecrets:desk"] = Secret;
        deployment.Settings["Monitor:WebhookSecrets:urgent"] = Secret;
        if (smtp is not null)
        {
            UseSmtp(deployment, smtp.Port);
        }

        return deployment;
    }

    private static void UseSmtp(TestDeployment deployment, int port)
    {
        deployment.Settings["Monitor:Smtp:Host"] = "127.0.0.1";
        deployment.Settings["Monitor:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        deployment.Settings["Monitor:Smtp:Security"] = "None";
    }

    private static async Task<IReadOnlyList<DigestOutcome>> RunDigestsAsync(TestDeployment deployment)
    {
        await using var services = deployment.BuildServices();
        return await services.GetRequiredService<DigestRunner>().RunAsync();
    }

    /// <summary>A webhook receiver on loopback that records each request's <c>webhook-id</c> and whether the Standard Webhooks library verifies it.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly LoopbackServer server;

        private Receiver(LoopbackServer server) => this.server = server;

        public Uri Url => server.Url("/hook");

        public ConcurrentQueue<(string Id, bool Verified)> Received { get; } = new();

        public static async Task<Receiver> StartAsync(Func<HttpContext, Task<IResult>> answer)
        {
            Receiver? receiver = null;
            var verifier = new StandardWebhook(Secret);
            var server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                receiver!.Received.Enqueue((context.Request.Headers[WebhookSignature.IdHeader].ToString(), Verifies(verifier, body, context.Request.Headers)));
                return await answer(context);
            }));
            receiver = new Receiver(server);
            return receiver;
        }

        public ValueTask DisposeAsync() => server.DisposeAsync();

        private static bool Verifies(StandardWebhook verifier, string body, IHeaderDictionary headers)
        {
            try
            {
                verifier.Verify(body, headers);
                return true;
            }
            catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
            {
                return false;
            }
        }
    }
}
