using OCore.DevCluster.Tests.Infrastructure;
using KubeTools = OCore.Testing.KubeTools;

namespace OCore.DevCluster.Tests.Cli;

/// <summary>A DevCluster plus a private kubectl/helm environment for the CLI conformance tests.</summary>
public sealed class KubectlFixture : IAsyncLifetime
{
    public ClusterFixture Cluster { get; } = new();

    public KubeTools Cli { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Cli = new KubeTools(Cluster.Server.Kubeconfig);
    }

    public async Task DisposeAsync()
    {
        Cli.Dispose();
        await Cluster.DisposeAsync();
    }
}
