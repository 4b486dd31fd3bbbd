using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OCore.WebhookReceiver.Tests.Cluster;

/// <summary>The receiver as deployed: its watch caches and writes go to a real (test) Kubernetes API.</summary>
public sealed class ClusterReceiverFactory(string kubeconfigPath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cluster:Kubeconfig", kubeconfigPath);
        builder.UseSetting("Cluster:DeliveryStatusInterval", "00:00:00.200");
    }
}
