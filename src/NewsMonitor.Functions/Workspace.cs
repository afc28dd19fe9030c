using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Workspace;

namespace NewsMonitor.Functions;

/// <summary>The review workspace's page and assets at <c>/</c>; the more specific <c>api/…</c> routes win over this catch-all.</summary>
public sealed class Workspace(WorkspaceFiles files)
{
    [Function(nameof(Workspace))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WorkspaceFiles.Route)] HttpRequest request, string? path)
        => files.Get(request.HttpContext.Response, path);
}
