using OCore.Runtime.Hosting;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>The receiver's background work against Kubernetes: the watch caches and the delivery status writer.</summary>
public sealed class ClusterBackground(ControllerManager caches, DeliveryStatusRecorder deliveries) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await caches.StartAsync(cancellationToken);
        await deliveries.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await deliveries.StopAsync(cancellationToken);
        await caches.StopAsync(cancellationToken);
    }
}
