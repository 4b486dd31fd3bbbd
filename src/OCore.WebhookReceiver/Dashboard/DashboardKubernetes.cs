using k8s;
using OCore.Management;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>
/// The Kubernetes API as the person using the dashboard. On the public service that is the shared client without
/// credentials that sends the signed-in person's token; under <c>ocore dashboard</c> it is the kubeconfig's client.
/// </summary>
internal sealed class DashboardKubernetes(IKubernetes client)
{
    public IKubernetes Client => client;

    public OcoreResources In(string @namespace) => new(client, @namespace);
}
