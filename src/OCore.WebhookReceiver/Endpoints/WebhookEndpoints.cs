using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OCore.WebhookReceiver.Delivery;

namespace OCore.WebhookReceiver.Endpoints;

/// <summary>The public webhook endpoints, one per provider, and the health probe.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/api/webhooks");
        // Singletons from the root provider: touching HttpContext.RequestServices would create a scope per delivery.
        var services = endpoints.ServiceProvider;
        MapProvider(webhooks, "/github/{projectId}", ProviderRules.GitHub, services);
        MapProvider(webhooks, "/gitlab/{projectId}", ProviderRules.GitLab, services);
        MapProvider(webhooks, "/bitbucket/{projectId}", ProviderRules.Bitbucket, services);

        // Liveness only says the process serves; readiness (/readyz) checks the caches.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        return endpoints;
    }

    private static void MapProvider(RouteGroupBuilder webhooks, string pattern, ProviderRules rules, IServiceProvider services) =>
        webhooks.MapPost(pattern, (string projectId, HttpContext context) => ReceiveAsync(rules, projectId, context, services))
            .Produces<WebhookResponse>(StatusCodes.Status200OK)
            .Produces<WebhookResponse>(StatusCodes.Status202Accepted)
            .Produces<WebhookResponse>(StatusCodes.Status400BadRequest)
            .Produces<WebhookResponse>(StatusCodes.Status401Unauthorized)
            .Produces<WebhookResponse>(StatusCodes.Status403Forbidden)
            .Produces<WebhookResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<WebhookResponse>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<WebhookResponse>(StatusCodes.Status429TooManyRequests)
            .Produces<WebhookResponse>(StatusCodes.Status503ServiceUnavailable);

    private static async Task ReceiveAsync(ProviderRules rules, string projectId, HttpContext context, IServiceProvider services)
    {
        var answer = await services.GetRequiredService<WebhookDeliveryProcessor>()
            .ProcessAsync(rules, projectId, context.Request, context.RequestAborted);
        if (answer.FailedVerification)
        {
            // The processor has given back the body buffer by now: a held-back answer keeps only the connection. Awaited
            // here rather than in a helper, so a flood's held-back answers carry one state machine fewer each.
            var outcome = await services.GetRequiredService<FailedVerificationTarpit>().HoldAsync(context.RequestAborted);
            if (outcome == TarpitOutcome.Abandoned)
                return; // The client left meanwhile: no one is there to answer.
            // Too many answers wait already: this one goes now, and a flooder pays a new connection for its next try.
            if (outcome == TarpitOutcome.Full)
                context.Response.Headers.Connection = "close";
        }

        WebhookAnswerWriter.Write(context.Response, answer);
    }
}
