using OCore.Testing;

namespace OCore.Cli.Tests.Support;

/// <summary>A test cluster with the operator running against it, shared by one test class; each test uses its own namespace.</summary>
public sealed class ClusterWithOperator : IAsyncLifetime
{
    private OperatorHost? _operator;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await TestCluster.StartAsync();
        _operator = await OperatorHost.StartAsync(Cluster);
    }

    public async Task DisposeAsync()
    {
        if (_operator is not null)
            await _operator.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
