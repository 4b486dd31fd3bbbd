using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OCore.WebhookReceiver.Tests.GitHubApp;

/// <summary>The receiver against a test cluster, reading the GitHub App Secret <paramref name="secretName"/> (none: App not configured).</summary>
public sealed class AppReceiverFactory(string kubeconfigPath, string? secretName) : WebApplicationFactory<Program>
{
    public const string SystemNamespace = "ocore-system";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cluster:Kubeconfig", kubeconfigPath);
        builder.UseSetting("Cluster:DeliveryStatusInterval", "00:00:00.200");
        if (secretName is not null)
        {
            builder.UseSetting("GitHubApp:SecretName", secretName);
            builder.UseSetting("GitHubApp:SecretNamespace", SystemNamespace);
        }
    }
}
