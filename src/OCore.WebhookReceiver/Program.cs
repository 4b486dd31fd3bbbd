using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Endpoints;
using OCore.WebhookReceiver.GitHubApp;
using OCore.WebhookReceiver.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--kubeconfig"] = "Cluster:Kubeconfig", ["--namespace"] = "Cluster:WatchNamespace" });
builder.AddReceiverLogging();
builder.Services.AddWebhookReceiver();
builder.Services.AddClusterServices();
builder.Services.AddGitHubApp();
// Fail at start-up, naming the service, when a dependency is not registered.
builder.Host.UseDefaultServiceProvider(provider => provider.ValidateOnBuild = true);

var app = builder.Build();
app.MapWebhookEndpoints();
app.MapClusterEndpoints();
app.MapGitHubAppEndpoints();
app.Run();

/// <summary>Public so tests can host the receiver with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
