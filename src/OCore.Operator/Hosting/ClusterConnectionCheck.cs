using k8s;

namespace OCore.Operator.Hosting;

/// <summary>Fails start-up with a clear message when the Kubernetes API cannot be reached, instead of a silent retry loop.</summary>
public sealed class ClusterConnectionCheck(IKubernetes kubernetes, ILogger<ClusterConnectionCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await kubernetes.Version.GetCodeAsync(cancellationToken);
            logger.LogInformation("Connected to Kubernetes {Version} at {Server}", version.GitVersion, kubernetes.BaseUri);
        }
        catch (HttpRequestException error)
        {
            throw new InvalidOperationException($"cannot reach the Kubernetes API at {kubernetes.BaseUri}: {error.Message}", error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
