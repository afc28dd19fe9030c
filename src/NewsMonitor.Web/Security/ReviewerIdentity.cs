using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Web.Security;

/// <summary>
/// Who is reviewing: in Azure the signed-in name App Service authentication puts in <c>X-MS-CLIENT-PRINCIPAL-NAME</c>
/// (it strips the header from what clients send, so it can be trusted when authentication is on); on a laptop,
/// where loopback is the boundary, <c>local</c>.
/// </summary>
/// <param name="TrustPlatformHeader">True only where App Service authentication fronts the app.</param>
public sealed record ReviewerIdentity(bool TrustPlatformHeader)
{
    public const string Local = "local";

    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    public string Of(HttpRequest request)
    {
        var name = request.Headers[PrincipalNameHeader].ToString();
        return TrustPlatformHeader && name.Length > 0 ? name : Local;
    }
}
