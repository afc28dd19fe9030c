using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Reading.Volume;

/// <summary>
/// Reads an entity's volume for <c>GET /api/entities/{id}/volume</c> and <c>monitor volume</c> from the hour rows
/// <see cref="HourlyVolumeStore"/> keeps as matches are written (never from the index on each read); the first request
/// that reaches back before the rows existed counts those hours from the index once (<see cref="HourlyVolumeStore.EnsureCountedAsync"/>).
/// </summary>
public sealed class VolumeReader(MonitorConfiguration configuration, HourlyVolumeStore volumes, TimeProvider clock)
{
    /// <summary>The series, or null when the watchlist has no entity with that id.</summary>
    /// <exception cref="ConfigurationUnavailableException">The watchlist has never validated.</exception>
    public async Task<VolumeSeries?> ReadAsync(string entityId, VolumeRequest request, CancellationToken cancellationToken = default)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        if (!watchlist.Names.TryGetValue(entityId, out var name))
        {
            return null;
        }

        var from = VolumeSeries.Floor(request.From, request.Bucket);
        await volumes.EnsureCountedAsync(entityId, from, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var hours = await volumes.ReadAsync(entityId, from, VolumeSeries.Floor(request.To.AddTicks(-1), request.Bucket).AddDays(1), cancellationToken).ConfigureAwait(false);
        return VolumeSeries.Of(entityId, name, request, hours);
    }

    /// <summary>The error for an id the watchlist does not have, as the API and the CLI word it.</summary>
    public static string UnknownEntity(string parameter, string entityId) => $"{parameter}: \"{entityId}\" is not a figure, topic or alert of the watchlist";
}
