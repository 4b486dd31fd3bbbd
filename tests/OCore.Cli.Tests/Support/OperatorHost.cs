using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OCore.Operator.Hosting;
using OCore.Testing;

namespace OCore.Cli.Tests.Support;

/// <summary>The operator, wired as in production, running in-process against a test cluster.</summary>
internal sealed class OperatorHost : IAsyncDisposable
{
    public const string PublicUrl = "https://hooks.ocore.test";

    private readonly IHost _host;

    private OperatorHost(IHost host) => _host = host;

    public static async Task<OperatorHost> StartAsync(TestCluster cluster, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Operator:Kubeconfig"] = cluster.KubeconfigPath,
            ["Operator:PublicReceiverUrl"] = PublicUrl,
            ["Operator:Workers"] = "2",
            ["Operator:LeaderElection:Enabled"] = "false",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Services.AddOperator();
        var host = builder.Build();
        await host.StartAsync();
        return new OperatorHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
