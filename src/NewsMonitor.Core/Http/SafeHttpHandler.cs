using System.Net;
using System.Net.Sockets;

namespace NewsMonitor.Http;

/// <summary>
/// The primary handler of every outbound client: decompression, a connect timeout, at most 5 redirects,
/// and an address check on the IP actually connected to, so DNS answers and redirects cannot reach private networks.
/// </summary>
public static class SafeHttpHandler
{
    public static SocketsHttpHandler Create(OutboundHttpOptions options) => Create(options, AddressPolicy.IsPublic);

    /// <param name="options">Timeouts and whether private networks are allowed.</param>
    /// <param name="isPublic">Which addresses count as public; tests pass one that treats a second loopback address as public.</param>
    internal static SocketsHttpHandler Create(OutboundHttpOptions options, Func<IPAddress, bool> isPublic) => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, options.AllowPrivateNetworks, isPublic, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, Func<IPAddress, bool> isPublic, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = allowPrivate ? addresses : addresses.Where(isPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException($"Refused to connect to {host}: it resolves only to private or local addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}); set Monitor:Http:AllowPrivateNetworks to allow them.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
