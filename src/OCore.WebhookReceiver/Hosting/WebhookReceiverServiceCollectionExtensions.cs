using Microsoft.Extensions.DependencyInjection.Extensions;
using OCore.WebhookReceiver.Delivery;
using OCore.WebhookReceiver.Options;
using OCore.WebhookReceiver.Verification;

namespace OCore.WebhookReceiver.Hosting;

public static class WebhookReceiverServiceCollectionExtensions
{
    /// <summary>
    /// The receiver's own services. The project directory and the push handler (IWebhookProjectDirectory,
    /// IPushHandler) are Kubernetes-backed and registered by their owner; start-up fails while they are missing.
    /// </summary>
    public static IServiceCollection AddWebhookReceiver(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookVerifier>();
        services.AddSingleton<ProjectRateLimiter>();
        services.AddSingleton<FailedVerificationTarpit>();
        services.AddSingleton<FailedVerificationLog>();
        // Stateless per request: a singleton spares each delivery a scoped resolution.
        services.AddSingleton<WebhookDeliveryProcessor>();

        services.AddHealthChecks();
        return services;
    }
}
