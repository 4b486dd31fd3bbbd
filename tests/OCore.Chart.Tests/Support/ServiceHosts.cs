extern alias receiver;
using k8s;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OCore.Operator.Hosting;

namespace OCore.Chart.Tests.Support;

/// <summary>The operator and the receiver, wired as in production, each with its own kubeconfig and a 403 recorder.</summary>
public static class ServiceHosts
{
    public const string PublicUrl = "https://hooks.acme.example";

    public static async Task<IHost> StartOperatorAsync(string kubeconfigPath, ApiErrors errors)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Operator:Kubeconfig"] = kubeconfigPath,
            ["Operator:PublicReceiverUrl"] = PublicUrl,
            ["Operator:Workers"] = "2",
            // As the chart configures it.
            ["Operator:LeaderElection:Enabled"] = "true",
            ["Operator:LeaderElection:LeaseName"] = "ocore-operator",
            ["Operator:LeaderElection:LeaseNamespace"] = "ocore",
            ["Operator:LeaderElection:Identity"] = "ocore-operator-test",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Services.AddOperator();
        builder.Services.AddSingleton<IKubernetes>(_ => Client(kubeconfigPath, errors, "operator"));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static WebApplicationFactory<receiver::Program> Receiver(string kubeconfigPath, ApiErrors errors) => new ReceiverFactory(kubeconfigPath, errors);

    public static Kubernetes Client(string kubeconfigPath, ApiErrors errors, string who) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath), errors.Handler(who));

    private sealed class ReceiverFactory(string kubeconfigPath, ApiErrors errors) : WebApplicationFactory<receiver::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Cluster:Kubeconfig", kubeconfigPath);
            builder.UseSetting("Cluster:DeliveryStatusInterval", "00:00:00.200");
            builder.ConfigureTestServices(services => services.AddSingleton<IKubernetes>(_ => Client(kubeconfigPath, errors, "receiver")));
        }
    }
}
