using k8s;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Operator.Hosting;
using OCore.Runtime.Controllers;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;

namespace OCore.Operator.GitHubApp;

/// <summary>The GitHub App's services, informer and GitHubInstallation controller.</summary>
public static class GitHubAppWiring
{
    public static IServiceCollection AddGitHubApp(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(GitHubAppConnection), client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(provider => new GitHubAppConnection(
            provider.GetRequiredService<IKubernetes>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GitHubAppConnection)),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.GitHubApp,
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Adds the GitHubInstallation informer and controller; returns what the Project controller needs.</summary>
    public static GitHubAppParts AddControllers(IServiceProvider services, ControllerManager manager, InformerOptions scope, EventRecorder events)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var kubernetes = services.GetRequiredService<IKubernetes>();
        var options = services.GetRequiredService<IOptions<OperatorOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var connection = services.GetRequiredService<GitHubAppConnection>();
        var installations = manager.AddInformer<GitHubInstallation>(scope);

        var reconciler = new GitHubInstallationReconciler(installations.Cache, connection,
            new CustomResourceWriter<GitHubInstallation>(kubernetes), events, options.GitHubApp, time);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Controller.GitHubInstallation");
        manager.AddController(new Controller("githubinstallation", reconciler, options.Workers, logger, time).For(installations));

        var step = new GitHubAppProjectStep(installations.Cache, connection, new CustomResourceWriter<Project>(kubernetes), kubernetes,
            events, options.GitHubApp, time);
        return new GitHubAppParts(installations, step);
    }
}
