using k8s;
using OCore.Management;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// The Kubernetes API as the current API caller: the cluster's address and CA from the service's own configuration,
/// but never its credentials. One client for all callers (connections are reused); the token comes per request.
/// </summary>
internal sealed class CallerKubernetes : IDisposable
{
    private readonly Kubernetes _client;

    public CallerKubernetes(KubernetesClientConfiguration service, IHttpContextAccessor contexts)
    {
        var anonymous = new KubernetesClientConfiguration
        {
            Host = service.Host,
            SslCaCerts = service.SslCaCerts,
            SkipTlsVerify = service.SkipTlsVerify,
            TlsServerName = service.TlsServerName,
        };
        _client = new Kubernetes(anonymous, new CallerCredentialsHandler(contexts));
    }

    public IKubernetes Client => _client;

    public OcoreResources In(string @namespace) => new(_client, @namespace);

    public void Dispose() => _client.Dispose();
}
