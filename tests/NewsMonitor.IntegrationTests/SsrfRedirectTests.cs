using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMonitor.Http;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Fault 6: a server that passes the address check redirects to a private address. 127.0.0.2 stands for the public
/// server (the test's address policy calls it public); 127.0.0.1 is the private target that must never be reached.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SsrfRedirectTests
{
    private static readonly IPAddress PublicStandIn = IPAddress.Parse("127.0.0.2");

    [Theory]
    [InlineData("http://127.0.0.1:{port}/admin")]
    [InlineData("http://localhost:{port}/admin")]
    [InlineData("http://10.0.0.1/admin")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task ARedirectFromAPublicServerToAPrivateAddressIsRefused(string target)
    {
        await using var internalService = await LoopbackServer.StartAsync(app => app.MapGet("/admin", () => "secret"));
        var location = target.Replace("{port}", internalService.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var publicServer = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Results.Redirect(location)), PublicStandIn.ToString());
        using var client = new HttpClient(SafeHttpHandler.Create(new OutboundHttpOptions { AllowPrivateNetworks = false, ConnectTimeout = TimeSpan.FromSeconds(2) }, a => a.Equals(PublicStandIn)));

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(publicServer.Url("/feed")));

        Assert.Contains("Refused to connect", error.ToString(), StringComparison.Ordinal);
        Assert.Single(publicServer.Requests);
        Assert.Empty(internalService.Requests);
    }

    [Fact]
    public async Task ARedirectBetweenPublicAddressesIsFollowed()
    {
        await using var publicServer = await LoopbackServer.StartAsync(
            app =>
            {
                app.MapGet("/old", () => Results.Redirect("/new"));
                app.MapGet("/new", () => "moved here");
            },
            PublicStandIn.ToString());
        using var client = new HttpClient(SafeHttpHandler.Create(new OutboundHttpOptions { AllowPrivateNetworks = false }, a => a.Equals(PublicStandIn)));

        Assert.Equal("moved here", await client.GetStringAsync(publicServer.Url("/old")));
    }
}
