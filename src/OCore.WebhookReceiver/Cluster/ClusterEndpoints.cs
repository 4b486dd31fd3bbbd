using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;

namespace OCore.WebhookReceiver.Cluster;

public static class ClusterEndpoints
{
    /// <summary>/readyz (the caches have synced) and /metrics (Prometheus).</summary>
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(CacheReadinessCheck.Tag) });
        endpoints.MapMetrics();
        return endpoints;
    }
}
