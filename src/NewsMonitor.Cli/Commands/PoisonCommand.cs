using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor poison list [--queue Q] [--format table|json]</c> shows what waits in the poison queues;
/// <c>monitor poison replay [--queue Q] (--all | ID…)</c> moves messages back to their queue, history kept.
/// </summary>
internal static class PoisonCommand
{
    private const string Usage = "poison list [--queue feeds|articles|alerts] [--format table|json] | poison replay [--queue Q] (--all | ID...)";

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var subcommand = args.Count > 0 ? args[0] : null;
        var line = CommandLine.Parse(args.Skip(1).ToList(), ["queue", "format"], ["all"]);
        var queue = line.Value("queue");
        if (queue is not null && !PoisonQueues.QueueNames.Contains(queue.Replace(StorageNames.PoisonSuffix, string.Empty, StringComparison.Ordinal)))
        {
            throw new UsageException($"--queue: \"{queue}\" is not one of {string.Join(", ", PoisonQueues.QueueNames)}");
        }

        return subcommand switch
        {
            "list" when line.Positionals.Count == 0 && !line.Has("all") => await ListAsync(context, queue, line.Format("table", "json"), cancellationToken),
            "replay" when line.Has("all") != (line.Positionals.Count > 0) && line.Value("format") is null => await ReplayAsync(context, queue, line.Has("all") ? null : line.Positionals, cancellationToken),
            "replay" => throw new UsageException("replay needs either --all or the ids of messages from `monitor poison list`"),
            _ => throw new UsageException($"usage: monitor {Usage}"),
        };
    }

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
