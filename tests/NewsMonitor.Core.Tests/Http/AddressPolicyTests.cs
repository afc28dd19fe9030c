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
}
