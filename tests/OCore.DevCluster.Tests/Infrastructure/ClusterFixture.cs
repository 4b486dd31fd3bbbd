using System.Text;
using k8s;

namespace OCore.DevCluster.Tests.Infrastructure;

/// <summary>One in-process DevCluster shared by the tests of a class; tests isolate themselves by namespace.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private DevClusterServer? _server;

    public DevClusterServer Server => _server ?? throw new InvalidOperationException("cluster not started");

    public Kubernetes Client { get; private set; } = null!;

    public RawApi Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await DevClusterServer.StartAsync(new DevClusterOptions { BookmarkInterval = TimeSpan.FromMilliseconds(300) });
        Client = CreateClient(_server.Kubeconfig);
        Raw = new RawApi(_server.BaseUrl, _server.CaCertificatePem, _server.AdminToken);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Raw.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static Kubernetes CreateClient(string kubeconfig)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(stream));
    }

    /// <summary>Creates a fresh namespace named after the test, so tests sharing the cluster never collide.</summary>
    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 63)].ToLowerInvariant();
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = name } });
        return name;
    }
}
