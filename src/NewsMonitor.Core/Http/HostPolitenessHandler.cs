using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsMonitor.Http;

/// <summary>
/// Keeps this process polite to every publisher: at most <see cref="OutboundHttpOptions.MaxConcurrentPerHost"/> requests
/// in flight per host, and <see cref="OutboundHttpOptions.MinIntervalPerHost"/> between the starts of two of them.
/// One instance is shared by the feed and page clients, so the limits hold across both.
/// </summary>
public sealed class HostPoliteness(IOptions<OutboundHttpOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var gate = gates.GetOrAdd(url.IdnHost, _ => new HostGate(limits.MaxConcurrentPerHost));
        await gate.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                var start = gate.NextStart > now ? gate.NextStart : now;
                gate.NextStart = start + limits.MinIntervalPerHost;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            return new Release(gate.Slots);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    private sealed class HostGate(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>Puts every request (each retry included) through <see cref="HostPoliteness"/>.</summary>
public sealed class HostPolitenessHandler(HostPoliteness politeness) : DelegatingHandler
{
    /// <summary>Called when a request's turn at its host begins, so its timeout can start then and not while it queues.</summary>
    public static readonly HttpRequestOptionsKey<Action> TurnStarted = new("NewsMonitor.TurnStarted");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await politeness.EnterAsync(request.RequestUri!, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(TurnStarted, out var started))
        {
            started();
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
