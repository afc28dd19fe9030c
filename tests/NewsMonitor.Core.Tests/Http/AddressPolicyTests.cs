using System.Net;
using NewsMonitor.Http;

namespace NewsMonitor.Tests.Http;

public sealed class AddressPolicyTests
{
    public static TheoryData<string, bool> Addresses => new()
    {
        // Loopback, private, link-local (cloud metadata) and unspecified addresses are refused.
        { "127.0.0.1", false },
        { "127.255.0.9", false },
        { "10.0.0.1", false },
        { "10.255.255.255", false },
        { "172.16.0.1", false },
        { "172.31.255.254", false },
        { "192.168.1.10", false },
        { "169.254.169.254", false },
        { "100.64.0.1", false },
        { "0.0.0.0", false },
        { "255.255.255.255", false },
        { "224.0.0.251", false },
        { "::1", false },
        { "::", false },
        { "fc00::1", false },
        { "fd12:3456:789a::1", false },
        { "fe80::1", false },
        { "febf::1", false },
        { "ff02::1", false },
        { "::ffff:127.0.0.1", false },
        { "::ffff:10.1.2.3", false },
        { "::ffff:169.254.169.254", false },

        // The neighbours of those ranges, and ordinary public addresses, are allowed.
        { "8.8.8.8", true },
        { "1.1.1.1", true },
        { "172.15.255.255", true },
        { "172.32.0.1", true },
        { "192.169.0.1", true },
        { "169.255.0.1", true },
        { "100.128.0.1", true },
        { "11.0.0.1", true },
        { "2606:4700::", true },
        { "2606:4700:4700::1111", true },
        { "2001:4860:4860::8888", true },
        { "::ffff:8.8.8.8", true },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void OnlyPublicAddressesMayBeConnectedTo(string address, bool expected)
    {
        var isPublic = AddressPolicy.IsPublic(IPAddress.Parse(address));

        Assert.Equal(expected, isPublic);
    }

    public static TheoryData<string, string, bool> IPv6CarryingIPv4 => new()
    {
        { "IPv4-compatible loopback", "::127.0.0.1", false },
        { "IPv4-compatible private", "::10.0.0.1", false },
        { "IPv4-compatible metadata", "::169.254.169.254", false },
        { "IPv4-compatible CGNAT", "::100.64.0.1", false },
        { "IPv4-compatible public", "::8.8.8.8", true },
        { "IPv4-mapped CGNAT", "::ffff:100.64.0.1", false },
        { "IPv4-translated loopback", "::ffff:0:7f00:1", false },
        { "IPv4-translated public", "::ffff:0:808:808", true },
        { "NAT64 loopback", "64:ff9b::7f00:1", false },
        { "NAT64 private", "64:ff9b::10.0.0.1", false },
        { "NAT64 metadata", "64:ff9b::a9fe:a9fe", false },
        { "NAT64 CGNAT", "64:ff9b::100.64.0.1", false },
        { "NAT64 unspecified", "64:ff9b::", false },
        { "NAT64 public (8.8.8.8)", "64:ff9b::808:808", true },
        { "local-use NAT64 /96 loopback", "64:ff9b:1::7f00:1", false },
        { "local-use NAT64 /96 public", "64:ff9b:1::808:808", true },
        { "local-use NAT64 with an unknown prefix length", "64:ff9b:1:ab::808:808", false },
        { "6to4 loopback", "2002:7f00:1::", false },
        { "6to4 private", "2002:0a00:0001::1", false },
        { "6to4 home network", "2002:c0a8:0101::1", false },
        { "6to4 metadata", "2002:a9fe:a9fe::1", false },
        { "6to4 public", "2002:0808:0808::1", true },
        { "Teredo client 127.0.0.1", "2001:0:4136:e378:8000:63bf:80ff:fffe", false },
        { "Teredo client 10.0.0.1", "2001:0:4136:e378:8000:63bf:f5ff:fffe", false },
        { "Teredo client 169.254.169.254", "2001:0:4136:e378:8000:63bf:5601:5601", false },
        { "Teredo server 10.0.0.1", "2001:0:a00:1:8000:63bf:f7f7:f7f7", false },
        { "Teredo public server and client 8.8.8.8", "2001:0:4136:e378:8000:63bf:f7f7:f7f7", true },
        { "ISATAP private", "2001:db8::5efe:a00:1", false },
        { "ISATAP home network, global bit set", "2001:db8::200:5efe:c0a8:101", false },
        { "ISATAP link-local prefix", "fe80::5efe:808:808", false },
        { "ISATAP public", "2001:db8::5efe:808:808", true },
    };

    [Theory]
    [MemberData(nameof(IPv6CarryingIPv4))]
    [Trait("Category", "Reliability")]
    public void AnIPv6AddressIsRefusedWhenTheIPv4ItCarriesIsRefused(string form, string address, bool expected)
    {
        var isPublic = AddressPolicy.IsPublic(IPAddress.Parse(address));

        Assert.True(expected == isPublic, $"{form} {address}: expected {(expected ? "allowed" : "refused")}");
    }
}
