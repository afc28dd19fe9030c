using System.Net;

namespace NewsMonitor.Http;

/// <summary>Decides whether an address may be connected to when private networks are not allowed.</summary>
/// <remarks>
/// An IPv6 address that carries an IPv4 address (IPv4-mapped, -compatible or -translated, NAT64, 6to4,
/// Teredo, ISATAP) reaches that IPv4 through a translator or tunnel, so the IPv4 it carries must pass
/// the IPv4 rule too: <c>[64:ff9b::7f00:1]</c> is 127.0.0.1.
/// </remarks>
public static class AddressPolicy
{
    // ::/96 — deprecated IPv4-compatible addresses; :: and ::1 are refused by the IPv6 rule before this applies.
    private static readonly byte[] IPv4Compatible = new byte[12];
    private static readonly byte[] IPv4Mapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF];
    private static readonly byte[] IPv4Translated = [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0];
    private static readonly byte[] Nat64WellKnown = [0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Nat64LocalUse = [0, 0x64, 0xFF, 0x9B, 0, 1];
    private static readonly byte[] Nat64LocalUse96 = [0, 0x64, 0xFF, 0x9B, 0, 1, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] SixToFour = [0x20, 0x02];
    private static readonly byte[] Teredo = [0x20, 0x01, 0, 0];

    public static bool IsPublic(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4
            ? IsPublicIPv4(bytes)
            : IsPublicIPv6(address, bytes) && EmbeddedIPv4(bytes).All(IsPublicIPv4);
    }

    private static bool IsPublicIPv4(byte[] b) => !(b[0] == 0
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || b[0] >= 224);

    private static bool IsPublicIPv6(IPAddress address, byte[] b) => !(address.Equals(IPAddress.IPv6Any)
        || address.Equals(IPAddress.IPv6Loopback)
        || address.IsIPv6LinkLocal
        || address.IsIPv6SiteLocal
        || address.IsIPv6Multicast
        || (b[0] & 0xFE) == 0xFC
        // The local-use NAT64 prefix leaves its length to the operator (RFC 8215), so where the IPv4 sits is
        // only known for the /96 form, which EmbeddedIPv4 reads; any other address in it is refused.
        || (StartsWith(b, Nat64LocalUse) && !StartsWith(b, Nat64LocalUse96)));

    /// <summary>The IPv4 addresses an IPv6 address would reach through a translator or tunnel.</summary>
    private static IEnumerable<byte[]> EmbeddedIPv4(byte[] b)
    {
        if (StartsWith(b, IPv4Compatible) || StartsWith(b, IPv4Mapped) || StartsWith(b, IPv4Translated)
            || StartsWith(b, Nat64WellKnown) || StartsWith(b, Nat64LocalUse96))
        {
            yield return b[12..];
        }
        else if (StartsWith(b, SixToFour))
        {
            yield return b[2..6];
        }
        else if (StartsWith(b, Teredo))
        {
            // RFC 4380: the server's IPv4 follows the prefix; the client's is stored with every bit inverted.
            yield return b[4..8];
            yield return [.. b[12..].Select(x => (byte)~x)];
        }

        // ISATAP (RFC 5214) keeps the IPv4 in an interface identifier 00-00-5E-FE or 02-00-5E-FE under any prefix.
        if ((b[8] & 0xFD) == 0 && b[9] == 0 && b[10] == 0x5E && b[11] == 0xFE)
        {
            yield return b[12..];
        }
    }

    private static bool StartsWith(byte[] address, byte[] prefix) => address.AsSpan().StartsWith(prefix);
}
