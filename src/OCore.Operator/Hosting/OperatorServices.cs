using k8s;
using Microsoft.Extensions.Options;
using OCore.Operator.GitHubApp;
using OCore.Operator.Notifications;
using OCore.Operator.Reporting;
using OCore.Runtime.Hosting;

namespace OCore.Operator.Hosting;

public static class OperatorServices
{
    /// <summary>Command-line switches as people type them, mapped to configuration keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--kubeconfig"] = $"{OperatorOptions.Section}:Kubeconfig",
        ["--public-url"] = $"{OperatorOptions.Section}:PublicReceiverUrl",
        ["--namespace"] = $"{OperatorOptions.Section}:WatchNamespace",
        ["--workers"] = $"{OperatorOptions.Section}:Workers",
        ["--log-format"] = "log-format",
        ["--leader-elect"] = $"{OperatorOptions.Section}:LeaderElection:Enabled",
    };

    public static IServiceCollection AddOperator(this IServiceCollection services)
    {
        services.AddOptions<OperatorOptions>()
            .BindConfiguration(OperatorOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.PublicReceiverUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Operator:PublicReceiverUrl must be an absolute http(s) URL")
            .Validate(o => string.IsNullOrEmpty(o.Kubeconfig) || File.Exists(o.Kubeconfig),
                "Operator:Kubeconfig (--kubeconfig) names a file that does not exist")
            .ValidateOnStart();

        services.AddSingleton<IKubernetes>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
            var config = string.IsNullOrEmpty(options.Kubeconfig)
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig);
            return new Kubernetes(config);
        });
        services.AddHostedService<ClusterConnectionCheck>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(NotificationDispatcher), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<NotificationDispatcher>(provider => ActivatorUtilities.CreateInstance<NotificationDispatcher>(provider,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(NotificationDispatcher))));
        services.AddHostedService(provider => provider.GetRequiredService<NotificationDispatcher>());
        services.AddHttpClient(nameof(CommitStatusPublisher), client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<CommitStatusPublisher>(provider => ActivatorUtilities.CreateInstance<CommitStatusPublisher>(provider,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(CommitStatusPublisher))));
        services.AddHostedService(provider => provider.GetRequiredService<CommitStatusPublisher>());
        services.AddGitHubApp();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<OperatorOptions>>().Value.LeaderElection);
        services.AddSingleton(provider => OperatorControllers.CreateManager(provider));
        services.AddHostedService(provider => provider.GetRequiredService<ControllerManager>());
        return services;
    }
}
