using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// Permanent <c>atom:id</c>s: name-based UUIDs hashed with SHA-256 (RFC 9562 version 8, its Appendix B.2 form; version 5 would need SHA-1) under a namespace of NewsMonitor's own, as
/// <c>urn:uuid:</c> IRIs. The same article is the same entry in every feed and on every host name the app is reached by.
/// </summary>
public static class AtomIds
{
    private static readonly Guid Namespace = new("5b0f3c1e-8d2a-4c7e-9f61-2a4d8e0b7c35");

    public static string ForArticle(string articleId) => Urn($"article:{articleId}");

    public static string ForFeed(FeedAddress address) => Urn(address.Canonical);

    private static string Urn(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        var hash = SHA256.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
