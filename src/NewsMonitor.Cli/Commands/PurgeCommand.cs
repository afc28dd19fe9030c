using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor purge --entity ID [--yes]</c>: deletes what storage holds of an entity taken off the watchlist
/// (<see cref="EntityPurge"/>). Without <c>--yes</c> it only counts; an entity still on the watchlist is refused.
/// </summary>
internal static class PurgeCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var entity = CliOptions.Values("--entity", "ID", "The entity taken off the watchlist (one).");
        var yes = CliOptions.Switch("--yes", "Delete; without it, only count.");
        return new MonitorCommand("purge", "Delete what an entity taken off the watchlist left in storage; without --yes, count only.")
        {
            entity, yes,
        }.UsingStorage().WithExamples(
            ("monitor purge --entity bob-woodward", "count what would be purged"),
            ("monitor purge --entity bob-woodward --yes", "purge it (refused while the id is on the watchlist)"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(entity) ?? [], result.GetValue(yes), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> entities, bool yes, CancellationToken cancellationToken)
    {
        if (entities is not [var entityId])
        {
            throw new UsageException("give one entity to purge: monitor purge --entity ID [--yes]");
        }

        await using var services = context.BuildServices();
        var purge = services.GetRequiredService<EntityPurge>();
        if (!yes)
        {
            var plan = await purge.PlanAsync(entityId, cancellationToken);
            await context.Output.WriteLineAsync(
                $"{entityId}: {plan.IndexRows} matched article(s) and {plan.VolumeRows} hourly volume row(s) would be purged; "
                + "its id would leave those articles' other rows and stored blobs. Nothing changed: run again with --yes.");
            return 0;
        }

        var done = await purge.PurgeAsync(entityId, cancellationToken);
        await context.Output.WriteLineAsync(
            $"{entityId}: purged {done.IndexRows} index row(s) and {done.VolumeRows} hourly volume row(s); "
            + $"{done.RowsUpdated} other row(s) and {done.BlobsUpdated} stored article(s) no longer list it; {done.DayRowsDeleted} day row(s) deleted (no entity left).");
        return 0;
    }
}
