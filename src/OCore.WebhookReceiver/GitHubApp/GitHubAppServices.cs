namespace OCore.WebhookReceiver.GitHubApp;

internal static class GitHubAppServices
{
    /// <summary>The App endpoints' services; they use the cluster services (caches, Kubernetes client, push handler).</summary>
    public static IServiceCollection AddGitHubApp(this IServiceCollection services)
    {
        services.AddOptions<GitHubAppReceiverOptions>().BindConfiguration(GitHubAppReceiverOptions.Section);
        services.AddSingleton<GitHubAppSecretSource>();
        services.AddSingleton<InstallationWriter>();
        services.AddSingleton<AppPushRouter>();
        services.AddScoped<AppWebhookProcessor>();
        services.AddScoped<InstallCallback>();
        return services;
    }
}
