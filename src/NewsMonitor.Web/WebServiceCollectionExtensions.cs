using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Web.Api;
using NewsMonitor.Web.Security;
using NewsMonitor.Web.Workspace;

namespace NewsMonitor.Web;

/// <summary>The HTTP endpoints and the workspace, for both hosts: the Functions app and <c>monitor serve</c>.</summary>
public static class WebServiceCollectionExtensions
{
    /// <param name="reviewer">How the host knows who is reviewing.</param>
    public static IServiceCollection AddNewsMonitorWeb(this IServiceCollection services, ReviewerIdentity reviewer)
    {
        services.AddSingleton(reviewer);
        services.AddSingleton<WorkspaceFiles>();
        services.AddSingleton<MatchesEndpoint>();
        services.AddSingleton<EntitiesEndpoint>();
        services.AddSingleton<EntityEndpoint>();
        services.AddSingleton<VolumeEndpoint>();
        services.AddSingleton<FeedsEndpoint>();
        services.AddSingleton<StatusEndpoint>();
        services.AddSingleton<PoisonEndpoint>();
        services.AddSingleton<ReviewEndpoint>();
        services.AddSingleton<ExclusionsEndpoint>();
        services.AddSingleton<SearchEndpoint>();
        services.AddSingleton<BacktestEndpoint>();
        services.AddSingleton<BackfillsEndpoint>();
        services.AddSingleton<SubscriptionFeedEndpoint>();
        services.AddSingleton<MatchesFeedEndpoint>();
        return services;
    }
}
