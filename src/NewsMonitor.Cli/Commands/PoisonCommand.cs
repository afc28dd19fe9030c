using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor poison list [--queue Q] [--format table|json]</c> shows what waits in the poison queues;
/// <c>monitor poison replay [--queue Q] (--all | ID…)</c> moves messages back to their queue, history kept.
/// </summary>
internal static class PoisonCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var listQueue = Queue();
        var format = CliOptions.Format("table", "json");
        var list = new MonitorCommand("list", "Messages that failed every attempt, per queue, with what each was about.")
        {
            listQueue, format,
        }.UsingStorage().WithExamples(("monitor poison list", "every poison queue"), ("monitor poison list --queue articles --format json", "one queue as JSON"))
        .Does((result, cancellationToken) => ListAsync(context, CheckQueue(result.GetValue(listQueue)), result.GetValue(format)!, cancellationToken));

        var replayQueue = Queue();
        var all = CliOptions.Switch("--all", "Every message of the poison queues (or of --queue).");
        var ids = new Argument<string[]>("id") { Description = "Message ids from monitor poison list.", Arity = ArgumentArity.ZeroOrMore };
        var replay = new MonitorCommand("replay", "Move poison messages back to their queue, their history kept: --all, or the ids given.")
        {
            ids, replayQueue, all,
        }.UsingStorage().WithExamples(("monitor poison replay --queue articles --all", "back onto the articles queue"), ("monitor poison replay ID ID", "these messages"))
        .Does((result, cancellationToken) =>
        {
            var queue = CheckQueue(result.GetValue(replayQueue));
            var given = result.GetValue(ids) ?? [];
            return result.GetValue(all) != (given.Length > 0)
                ? ReplayAsync(context, queue, result.GetValue(all) ? null : given, cancellationToken)
                : throw new UsageException("replay needs either --all or the ids of messages from `monitor poison list`");
        });
        return new MonitorCommand("poison", "Messages that failed every attempt: list them, replay them.") { list, replay };
    }

    private static Option<string> Queue()
    {
        var queue = CliOptions.Value("--queue", "QUEUE", $"Only this queue: {string.Join(", ", PoisonQueues.QueueNames)}.");
        queue.CompletionSources.Add([.. PoisonQueues.QueueNames]);
        return queue;
    }

    /// <summary>A queue name, with or without its -poison suffix.</summary>
    private static string? CheckQueue(string? queue)
        => queue is null || PoisonQueues.QueueNames.Contains(queue.Replace(StorageNames.PoisonSuffix, string.Empty, StringComparison.Ordinal))
            ? queue
            : throw new UsageException($"--queue: \"{queue}\" is not one of {string.Join(", ", PoisonQueues.QueueNames)}");

    private static async Task<int> ListAsync(CliContext context, string? queue, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var listing = await services.GetRequiredService<PoisonQueues>().ListAsync(queue, cancellationToken);
        if (format == "json")
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { items = listing.Messages, counts = listing.Counts }, JsonDefaults.Options));
            return 0;
        }

        foreach (var (name, count) in listing.Counts)
        {
            var shown = listing.Messages.Count(m => m.Queue == name);
            var more = count > shown ? $" (showing {shown}; `monitor poison replay --queue {name} --all` moves them all)" : string.Empty;
            await context.Output.WriteLineAsync($"{name}-poison: {count} message(s){more}");
        }

        foreach (var message in listing.Messages)
        {
            var inserted = message.InsertedOn?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
            var replays = message.History.Count(e => e.Event == MessageEvent.Replayed);
            var history = replays == 0 ? string.Empty : $"  (replayed {replays} time(s) before)";
            await context.Output.WriteLineAsync($"  {message.Queue,-8}  {message.MessageId}  poisoned {inserted}  {message.About}{history}");
        }

        return 0;
    }

    private static async Task<int> ReplayAsync(CliContext context, string? queue, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var replay = await services.GetRequiredService<PoisonQueues>().ReplayAsync(queue, ids, cancellationToken);
        foreach (var message in replay.Replayed)
        {
            await context.Output.WriteLineAsync($"replayed {message.MessageId} to {message.Queue}: {message.About}");
        }

        await context.Output.WriteLineAsync($"{replay.Replayed.Count} message(s) moved back; the next `monitor run` (or the Functions app) handles them.");
        foreach (var id in replay.NotFound)
        {
            await context.Error.WriteLineAsync($"monitor poison replay: no poison message with id {id}");
        }

        return replay.NotFound.Count > 0 ? 1 : 0;
    }
}
