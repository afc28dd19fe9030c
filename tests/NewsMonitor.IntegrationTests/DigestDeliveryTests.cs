using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Storage;
using StandardWebhooks;

namespace NewsMonitor.IntegrationTests;

/// <summary>Digests delivered to a real SMTP server in-process and to webhook receivers on loopback.</summary>
[Collection(SharedAzurite.Name)]
public sealed class DigestDeliveryTests(LocalEnvironment environment)
{
    private const string Secret = "s3cret-for-tests";

    [Fact]
    public async Task AnEmailDigestHasBothPartsTheHeadersAndEachArticleOnce()
    {
        await using var smtp = TestSmtpServer.Start();
        var deployment = await MatchedDeploymentAsync(smtp, """{"id":"desk","name":"Russia desk","entities":["vladimir-putin","donald-trump","ukraine-ceasefire"],"email":["analyst@example.org"]}""");

        var outcomes = await RunDigestsAsync(deployment);

        var outcome = Assert.Single(outcomes);
        Assert.Null(outcome.Error);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("analyst@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("desk", message.Headers["X-NewsMonitor-Subscription"]);
        Assert.StartsWith("Russia desk: ", message.Subject, StringComparison.Ordinal);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Contains("In Plain Sight", message.TextBody, StringComparison.Ordinal);
        var seedLink = new Uri(environment.SiteUrl, "articles/trump-putin-ally.html").AbsoluteUri;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message.HtmlBody!, System.Text.RegularExpressions.Regex.Escape($"href=\"{seedLink}\"")));
    }

    [Fact]
    public async Task AFailedSendLeavesTheWatermarkAndTheNextRunSendsTheSameArticlesOnce()
    {
        await using var smtp = TestSmtpServer.Start();
        var deployment = await MatchedDeploymentAsync(smtp, """{"id":"desk","name":"Desk","email":["analyst@example.org"]}""");
        smtp.Refuse = true;

        var failed = Assert.Single(await RunDigestsAsync(deployment));
        var stateAfterFailure = await new DigestStore(deployment.Storage).GetStateAsync("desk", "email");
        smtp.Refuse = false;
        var retried = Assert.Single(await RunDigestsAsync(deployment));
        var again = await RunDigestsAsync(deployment);

        Assert.Contains("did not accept", failed.Error, StringComparison.Ordinal);
        Assert.Equal("digest:", stateAfterFailure.PendingItem?[..7]);
        Assert.Contains("did not accept", stateAfterFailure.LastError, StringComparison.Ordinal);
        Assert.Null(retried.Error);
        Assert.Equal(failed.Items, retried.Items);
        Assert.Single(smtp.Messages);
        Assert.Empty(again);
    }

    [Fact]
    public async Task MonitorSubscriptionsShowsTheLastErrorAndDigestSendDeliversNow()
    {
        await using var smtp = TestSmtpServer.Start();
        var deployment = await MatchedDeploymentAsync(smtp, """{"id":"desk","name":"Desk","frequency":"daily@07:00","timeZone":"Europe/London","email":["analyst@example.org"]}""");
        smtp.Refuse = true;
        await RunDigestsAsync(deployment);

        var failing = await deployment.RunCliAsync("subscriptions");
        smtp.Refuse = false;
        var send = await deployment.RunCliAsync("digest", "--subscription", "desk", "--send");
        var healthy = await deployment.RunCliAsync("subscriptions", "--format", "json");

        var row = failing.Output.Split('\n').Single(l => l.StartsWith("desk", StringComparison.Ordinal));
        Assert.Contains("daily 07:00 Europe/London", row, StringComparison.Ordinal);
        Assert.Contains("  off  ", row, StringComparison.Ordinal);
        Assert.Contains("did not accept", row, StringComparison.Ordinal);
        Assert.Equal(0, send.ExitCode);
        Assert.Contains("desk via email:", send.Output, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
        using var json = JsonDocument.Parse(healthy.Output);
        var state = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("lastError").ValueKind);
        Assert.True(state.GetProperty("nextDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AHighPriorityAlertIsEmailedOnceAsItHappens()
    {
        await using var smtp = TestSmtpServer.Start();
        var deployment = environment.NewDeployment();
        UseSubscriptions(deployment, smtp, """{"id":"urgent","name":"Urgent","frequency":"immediate","quietHours":"00:00-23:59","entities":["trump-putin-contact"],"email":["duty@example.org"]}""");

        var run = await deployment.RunCliAsync("run", "--once");
        var seedId = environment.ArticleIdOf("trump-putin-ally");
        await deployment.Storage.AlertsQueue.SendMessageAsync($$"""{"articleId":"{{seedId}}","alertIds":["trump-putin-contact"],"matchedAt":"2026-01-01T00:00:00Z"}""");
        var redelivered = await deployment.RunCliAsync("run", "--once");

        Assert.Contains("immediate alerts: sent: 1 email to 1 recipient; 0 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("immediate alerts: sent: nothing; 0 failed; 1 already delivered", redelivered.Output, StringComparison.Ordinal);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains("alert: Trump–Putin contact", message.Subject, StringComparison.Ordinal);
        Assert.Contains("In Plain Sight", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceSaysWhatWentWhereInTheSubscriptionsZoneAndDigestSendSaysWhenNothingWasDue()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var receiver = await LoopbackServer.StartAsync(app => app.MapPost("/hook", () => Results.Ok()));
        var deployment = environment.NewDeployment();
        UseSubscriptions(deployment, smtp, $$"""{"id":"berlin","name":"Berlin desk","timeZone":"Europe/Berlin","entities":["vladimir-putin"],"email":["a@example.org","b@example.org"],"webhooks":[{"url":"{{receiver.Url("/hook")}}","format":"slack","signed":false}]}""");

        var run = await deployment.RunCliAsync("run", "--once");
        var send = await deployment.RunCliAsync("digest", "--subscription", "berlin", "--send");

        Assert.Contains("digests: sent: 1 email to 2 recipients, 1 Slack webhook; 0 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("immediate alerts: nothing was due", run.Output, StringComparison.Ordinal);
        Assert.Contains("(Europe/Berlin)", Assert.Single(smtp.Messages).TextBody, StringComparison.Ordinal);
        Assert.Equal(0, send.ExitCode);
        Assert.Contains("berlin: nothing was due", send.Output, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task ADailyDigestGoesOutOncePerDayAtItsLocalTime()
    {
        await using var smtp = TestSmtpServer.Start();
        var deployment = await MatchedDeploymentAsync(smtp, """{"id":"morning","name":"Morning","frequency":"daily@07:00","timeZone":"Europe/London","email":["analyst@example.org"]}""");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        // The next 06:30 in London: within a day of the matches just stored, so the first digest (one day back) holds them.
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london);
        var halfPastSix = local.TimeOfDay < TimeSpan.FromHours(6.5) ? local.Date.AddHours(6.5) : local.Date.AddDays(1).AddHours(6.5);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(halfPastSix, london.GetUtcOffset(halfPastSix)));

        var first = await RunDigestsAsync(deployment, clock);
        clock.Advance(TimeSpan.FromMinutes(20));
        var beforeSeven = await RunDigestsAsync(deployment, clock);
        clock.Advance(TimeSpan.FromMinutes(15));
        var afterSeven = await RunDigestsAsync(deployment, clock);
        var state = await new DigestStore(deployment.Storage).GetStateAsync("morning", "email");

        Assert.Single(first);
        Assert.Empty(beforeSeven);
        Assert.Empty(afterSeven);
        Assert.Single(smtp.Messages);
        Assert.Equal(clock.GetUtcNow(), state.LastRunAt);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("slack")]
    [InlineData("teams")]
    public async Task WebhooksReceiveASignedPayloadInTheirShape(string format)
    {
        // A receiver verifying as the spec's own library does, given the secret in the spec's form.
        var verifier = new StandardWebhook("whsec_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret)));
        var received = new ConcurrentQueue<(string Body, bool Verified)>();
        await using var receiver = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            received.Enqueue((body, Verifies(verifier, body, context.Request.Headers)));
            return Results.Ok();
        }));
        var deployment = await MatchedDeploymentAsync(null, $$"""{"id":"hooked-desk","name":"Hooked","entities":["vladimir-putin"],"webhooks":[{"url":"{{receiver.Url("/hook")}}","format":"{{format}}"}]}""");
        // As App Service names it: no '-' in setting names.
        deployment.Settings["Monitor:WebhookSecrets:hooked_desk"] = Secret;

        var outcome = Assert.Single(await RunDigestsAsync(deployment));

        Assert.Null(outcome.Error);
        var (body, verified) = Assert.Single(received);
        Assert.True(verified);
        using var json = JsonDocument.Parse(body);
        switch (format)
        {
            case "json":
                Assert.Equal("hooked-desk", json.RootElement.GetProperty("subscription").GetString());
                Assert.Equal(1, json.RootElement.GetProperty("count").GetInt32());
                break;
            case "slack":
                Assert.Contains("In Plain Sight", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
                break;
            default:
                Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
                var card = Assert.Single(json.RootElement.GetProperty("attachments").EnumerateArray()).GetProperty("content");
                Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
                Assert.Contains(card.GetProperty("body").EnumerateArray(), b => b.GetProperty("text").GetString()!.Contains("In Plain Sight", StringComparison.Ordinal));
                break;
        }
    }

    [Fact]
    public async Task AHeadlineWithMarkupIsEscapedInTheHtmlPart()
    {
        await using var smtp = TestSmtpServer.Start();
        var words = string.Join(' ', Enumerable.Repeat("Vladimir Putin spoke about the ceasefire in Ukraine again.", 30));
        await using var feed = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => LoopbackServer.Rss(
            $"<item><title>Putin &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; speaks</title><link>https://example.org/story</link><description>{words}</description></item>")));
        var deployment = environment.NewDeployment();
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"x","url":"{{feed.Url("/feed")}}"}]}""");
        UseSubscriptions(deployment, smtp, """{"id":"desk","name":"Desk","entities":["vladimir-putin"],"email":["analyst@example.org"]}""");
        await deployment.RunCliAsync("run", "--once");

        await RunDigestsAsync(deployment);

        var html = Assert.Single(smtp.Messages).HtmlBody;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

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

    private async Task<TestDeployment> MatchedDeploymentAsync(TestSmtpServer? smtp, string subscription)
    {
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        UseSubscriptions(deployment, smtp, subscription);
        return deployment;
    }

    private static void UseSubscriptions(TestDeployment deployment, TestSmtpServer? smtp, string subscription)
    {
        var path = Path.Combine(deployment.Folder, "subscriptions.json");
        File.WriteAllText(path, $$"""{"subscriptions":[{{subscription}}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = path;
        if (smtp is not null)
        {
            deployment.Settings["Monitor:Smtp:Host"] = "127.0.0.1";
            deployment.Settings["Monitor:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            deployment.Settings["Monitor:Smtp:Security"] = "None";
        }
    }

    private static async Task<IReadOnlyList<DigestOutcome>> RunDigestsAsync(TestDeployment deployment, TimeProvider? clock = null)
    {
        await using var services = deployment.BuildServices(clock);
        return await services.GetRequiredService<DigestRunner>().RunAsync();
    }
}
