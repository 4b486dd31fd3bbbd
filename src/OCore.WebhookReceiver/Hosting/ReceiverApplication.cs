using OCore.WebhookReceiver.Api;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Dashboard;
using OCore.WebhookReceiver.Endpoints;
using OCore.WebhookReceiver.GitHubApp;

namespace OCore.WebhookReceiver.Hosting;

/// <summary>The public service, composed once: used by its own Program and by <c>ocore dev</c>.</summary>
public static class ReceiverApplication
{
    /// <summary>Logging, the webhook receiver, its cluster caches, the GitHub App endpoints and the management API.</summary>
    public static WebApplicationBuilder AddReceiver(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReceiverLogging();
        builder.Services.AddWebhookReceiver();
        builder.Services.AddClusterServices();
        builder.Services.AddGitHubApp();
        builder.Services.AddManagementApi();
        builder.AddDashboard();
        // Fail at start-up, naming the service, when a dependency is not registered.
        builder.Host.UseDefaultServiceProvider(provider => provider.ValidateOnBuild = true);
        return builder;
    }

    public static WebApplication MapReceiver(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapWebhookEndpoints();
        app.MapClusterEndpoints();
        app.MapGitHubAppEndpoints();
        app.MapManagementApi();
        app.MapDashboard();
        return app;
    }
}
