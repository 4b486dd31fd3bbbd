using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.WebhookReceiver.Projects;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>
/// Keeps each project's last delivery in memory and writes it to <c>status.webhook.lastDelivery</c> on an interval,
/// so a burst of deliveries costs one status write per project, not one per request.
/// </summary>
public sealed class DeliveryStatusRecorder(IKubernetes kubernetes, IOptions<ClusterOptions> options, TimeProvider time, ILogger<DeliveryStatusRecorder> logger)
    : BackgroundService, IDeliveryRecorder
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), WebhookDelivery> _pending = new();

    public void Record(WebhookProject project, string? deliveryId, string? eventName, int statusCode, string result)
    {
        ArgumentNullException.ThrowIfNull(project);
        _pending[(project.Namespace, project.Name)] = new WebhookDelivery
        {
            Id = deliveryId,
            Event = eventName,
            Time = time.GetUtcNow().UtcDateTime,
            Result = $"{statusCode}: {(result.Length > 512 ? result[..512] + "…" : result)}",
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeliveryStatusInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is pending is written below.
        }

        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes every pending delivery; one that fails stays pending unless a newer one replaced it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, delivery) in _pending.ToArray())
        {
            if (!_pending.TryRemove(KeyValuePair.Create(key, delivery)))
                continue;
            var patch = KubernetesJson.Serialize(new { status = new { webhook = new { lastDelivery = delivery } } });
            try
            {
                await kubernetes.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                    CustomResource<ProjectSpec, ProjectStatus>.Group, CustomResource<ProjectSpec, ProjectStatus>.Version, key.Namespace, "projects", key.Name,
                    cancellationToken: cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _pending.TryAdd(key, delivery);
                logger.LogWarning("Could not record the last delivery of project {Namespace}/{Project}: {Message}", key.Namespace, key.Name, error.Message);
            }
        }
    }
}
