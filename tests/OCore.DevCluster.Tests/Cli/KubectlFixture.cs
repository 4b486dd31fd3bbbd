using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Cli;

/// <summary>A DevCluster plus a private kubectl/helm environment for the CLI conformance tests.</summary>
public sealed class KubectlFixture : IAsyncLifetime
{
    public ClusterFixture Cluster { get; } = new();

    public Infrastructure.Cli Cli { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Cli = new Infrastructure.Cli(Cluster.Server.Kubeconfig);
    }

    public async Task DisposeAsync()
    {
        Cli.Dispose();
        await Cluster.DisposeAsync();
    }
}
