using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using NewsMonitor.Escaping;

namespace NewsMonitor.Storage;

/// <summary>A message waiting in a poison queue, described for a reader: what it is about and what happened to it before.</summary>
/// <param name="Queue">The stage queue it came from (<c>feeds</c>, <c>articles</c>, <c>alerts</c>, <c>backfill</c>).</param>
/// <param name="About">The feed, article or URL the message is for, read from its JSON.</param>
public sealed record PoisonMessage(string Queue, string MessageId, DateTimeOffset? InsertedOn, string About, IReadOnlyList<MessageEvent> History);

/// <summary>What a poison listing found: up to a page of messages per queue, and how many each queue holds.</summary>
public sealed record PoisonListing(IReadOnlyList<PoisonMessage> Messages, IReadOnlyDictionary<string, int> Counts);

/// <summary>The messages a replay moved back, and the ids it was asked for that no poison queue holds.</summary>
public sealed record PoisonReplay(IReadOnlyList<PoisonMessage> Replayed, IReadOnlyList<string> NotFound);

/// <summary>
/// Lists the <c>&lt;queue&gt;-poison</c> queues and moves messages back to the queue they came from, each with a
/// <c>replayed</c> entry added to its history (when it was poisoned, after how many attempts), for
/// <c>monitor poison</c> and <c>/api/poison</c>. Handlers are idempotent, so a replayed message that had in fact been
/// handled changes nothing.
/// </summary>
public sealed class PoisonQueues(MonitorStorage storage, TimeProvider clock)
{
    /// <summary>The most a listing shows per queue: what one peek returns.</summary>
    public const int PageSize = 32;

    /// <summary>How long a replay keeps received messages hidden while it decides; those it does not move are shown again at once.</summary>
    private static readonly TimeSpan ReplayLease = TimeSpan.FromMinutes(1);

    private static readonly string[] DescribingProperties = ["articleId", "feedId", "url", "block"];

    /// <summary>The stage queues, by the name users give them.</summary>
    public static IReadOnlyList<string> QueueNames { get; } = [StorageNames.FeedsQueue, StorageNames.ArticlesQueue, StorageNames.AlertsQueue, StorageNames.BackfillQueue, StorageNames.SpikesQueue];

    public async Task<PoisonListing> ListAsync(string? queue = null, CancellationToken cancellationToken = default)
    {
        var messages = new List<PoisonMessage>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in Select(queue))
        {
            var poison = Poison(name);
            if (!await poison.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[name] = 0;
                continue;
            }

            QueueProperties properties = await poison.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            counts[name] = properties.ApproximateMessagesCount;
            PeekedMessage[] peeked = await poison.PeekMessagesAsync(PageSize, cancellationToken).ConfigureAwait(false);
            messages.AddRange(peeked.Select(m => Describe(name, m.MessageId, m.InsertedOn, m.Body.ToString())));
        }

        return new PoisonListing(messages, counts);
    }

    /// <param name="ids">The poison message ids to move back; null moves every message.</param>
    public async Task<PoisonReplay> ReplayAsync(string? queue, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids?.ToHashSet(StringComparer.Ordinal);
        var replayed = new List<PoisonMessage>();
        foreach (var name in Select(queue))
        {
            var poison = Poison(name);
            if (!await poison.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // Received messages stay hidden for the lease, so each receive brings new ones until the queue is gone
            // through; those not asked for are shown again at the end.
            var passedOver = new List<QueueMessage>();
            var received = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                while (wanted is null || wanted.Count > 0)
                {
                    QueueMessage[] batch = await poison.ReceiveMessagesAsync(PageSize, ReplayLease, cancellationToken).ConfigureAwait(false);
                    var fresh = batch.Where(m => received.Add(m.MessageId)).ToList();
                    if (fresh.Count == 0)
                    {
                        break;
                    }

                    foreach (var message in fresh)
                    {
                        if (wanted is null || wanted.Remove(message.MessageId))
                        {
                            replayed.Add(await MoveBackAsync(name, poison, message, cancellationToken).ConfigureAwait(false));
                        }
                        else
                        {
                            passedOver.Add(message);
                        }
                    }
                }
            }
            finally
            {
                foreach (var message in passedOver)
                {
                    await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        return new PoisonReplay(replayed, wanted?.Order(StringComparer.Ordinal).ToList() ?? []);
    }

    private async Task<PoisonMessage> MoveBackAsync(string name, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        var entry = new MessageEvent(MessageEvent.Replayed, clock.GetUtcNow(), Queue: poison.Name, DequeueCount: message.DequeueCount - 1, InsertedOn: message.InsertedOn);
        string replay;
        try
        {
            replay = MessageHistory.Append(body, entry);
        }
        catch (FormatException)
        {
            // Not JSON: it goes back as it was, and its handler will say what is wrong with it.
            replay = body;
        }

        // Sent before it is deleted: a failure in between leaves a copy in both queues, never in neither.
        await storage.Queue(storage.Names.Queue(name)).SendMessageAsync(replay, cancellationToken).ConfigureAwait(false);
        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        return Describe(name, message.MessageId, message.InsertedOn, replay);
    }

    private QueueClient Poison(string name) => storage.Queue(StorageNames.Poison(storage.Names.Queue(name)));

    private static IReadOnlyList<string> Select(string? queue)
    {
        if (queue is null)
        {
            return QueueNames;
        }

        var name = queue.EndsWith(StorageNames.PoisonSuffix, StringComparison.Ordinal) ? queue[..^StorageNames.PoisonSuffix.Length] : queue;
        return QueueNames.Contains(name)
            ? [name]
            : throw new ArgumentException($"queue \"{queue}\" is not one of {string.Join(", ", QueueNames)}", nameof(queue));
    }

    private static PoisonMessage Describe(string queue, string messageId, DateTimeOffset? insertedOn, string body)
        => new(queue, messageId, insertedOn, About(body), MessageHistory.Read(body));

    /// <summary>The article or feed a message is for, so a reader can tell poison messages apart.</summary>
    private static string About(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var parts = DescribingProperties
                    .Select(name => document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? $"{name}={value.GetString()}" : null)
                    .OfType<string>();
                // Feed messages carry the feed URL, credentials and all: the listing never shows them.
                return UrlCredentials.MaskedIn(string.Join(" ", parts));
            }
        }
        catch (JsonException)
        {
            // Described below.
        }

        return $"not JSON ({body.Length} characters)";
    }
}
