using Microsoft.Extensions.Diagnostics.HealthChecks;
using OCore.Runtime.Hosting;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>Ready once every watch cache has listed: before that, a known project could be answered 401.</summary>
public sealed class CacheReadinessCheck(ControllerManager manager) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(manager.IsReady ? HealthCheckResult.Healthy("caches synced") : HealthCheckResult.Unhealthy("caches not synced yet"));
}
