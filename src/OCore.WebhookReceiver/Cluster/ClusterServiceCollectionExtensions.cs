using k8s;
using Microsoft.Extensions.Options;
using OCore.Runtime.Hosting;
using OCore.Runtime.LeaderElection;
using OCore.WebhookReceiver.Projects;

namespace OCore.WebhookReceiver.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>The Kubernetes-backed project directory, push handler and delivery recorder, with their watch caches.</summary>
    public static IServiceCollection AddClusterServices(this IServiceCollection services)
    {
        services.AddOptions<ClusterOptions>()
            .BindConfiguration(ClusterOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.Kubeconfig) || File.Exists(o.Kubeconfig), "Cluster:Kubeconfig (--kubeconfig) names a file that does not exist")
            .ValidateOnStart();
        // Read once: the service's own client and the API callers' client (same cluster, not its credentials) share it.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ClusterOptions>>().Value;
            return string.IsNullOrEmpty(options.Kubeconfig)
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig);
        });
        services.AddSingleton<IKubernetes>(provider => new Kubernetes(provider.GetRequiredService<KubernetesClientConfiguration>()));

        // Every replica serves deliveries: the caches run everywhere, no leader is needed.
        services.AddSingleton(new LeaderElectionOptions { Enabled = false });
        // The caches register their informers while the manager is built, before it starts.
        services.AddSingleton(provider => new ClusterCaches(ActivatorUtilities.CreateInstance<ControllerManager>(provider),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value));
        services.AddSingleton(provider => provider.GetRequiredService<ClusterCaches>().Manager);
        services.AddSingleton<IWebhookProjectDirectory, ClusterProjectDirectory>();
        services.AddSingleton<IPushHandler, DeploymentPushHandler>();
        services.AddSingleton<DeliveryStatusRecorder>();
        services.AddSingleton<IDeliveryRecorder>(provider => provider.GetRequiredService<DeliveryStatusRecorder>());
        services.AddHostedService<ClusterBackground>();
        services.AddHealthChecks().AddCheck<CacheReadinessCheck>("caches", tags: [CacheReadinessCheck.Tag]);
        return services;
    }
}
