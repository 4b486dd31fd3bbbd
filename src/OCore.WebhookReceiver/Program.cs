using OCore.WebhookReceiver.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--kubeconfig"] = "Cluster:Kubeconfig", ["--namespace"] = "Cluster:WatchNamespace" });
builder.AddReceiver();

var app = builder.Build();
app.MapReceiver();
app.Run();

/// <summary>Public so tests can host the receiver with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
