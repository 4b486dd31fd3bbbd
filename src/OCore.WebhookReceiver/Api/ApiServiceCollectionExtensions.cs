namespace OCore.WebhookReceiver.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The management REST API's services; it uses the cluster services (caches) and the GitHub App's Secret.</summary>
    public static IServiceCollection AddManagementApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<CallerKubernetes>();
        services.AddSingleton<ProjectLocator>();
        services.AddSingleton<RepositoryApi>();
        services.AddSingleton<BranchMappingApi>();
        services.AddSingleton<GitHubAppSettingsApi>();
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }
}
