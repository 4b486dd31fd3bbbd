using OCore.Operator.Tests.Support;
using OCore.Testing;

namespace OCore.Operator.Tests.Deployments;

/// <summary>Finished Deployments beyond the history limit are removed, newest kept.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;
    private Resources _resources = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _resources = new Resources(_cluster, await _cluster.CreateNamespaceAsync());
        _operator = await OperatorHost.StartAsync(_cluster, new() { ["Operator:DeploymentHistoryLimit"] = "2" });
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Only_the_newest_finished_deployments_are_kept()
    {
        await _resources.CreateProjectAsync("erp");
        await _resources.CreateEnvironmentAsync("production", "erp");
        var names = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            // github.com is out of reach here: each ends quickly (failed at Prepare, or superseded by the next one).
            names.Add((await _resources.CreateDeploymentAsync("erp", "production", "main", new string((char)('0' + i), 40))).Metadata.Name);
            await Task.Delay(1100); // creation timestamps have one-second resolution
        }

        var kept = await Eventually.Until(ListAsync, left => left.Count == 2, "only two finished deployments are kept", TimeSpan.FromSeconds(60));
        Assert.Equal(names.TakeLast(2).Order(), kept.Order());
    }

    private Task<List<string>> ListAsync() => _cluster.ListNamesAsync(_resources.Namespace, "deployments");
}
