using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OCore.WebhookReceiver.Delivery;

namespace OCore.WebhookReceiver.Endpoints;

/// <summary>The public webhook endpoints, one per provider, and the health probe.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/api/webhooks");
        webhooks.MapPost("/github/{projectId}", (string projectId, HttpContext context, WebhookDeliveryProcessor processor) =>
            ReceiveAsync(ProviderRules.GitHub, projectId, context, processor));
        webhooks.MapPost("/gitlab/{projectId}", (string projectId, HttpContext context, WebhookDeliveryProcessor processor) =>
            ReceiveAsync(ProviderRules.GitLab, projectId, context, processor));
        webhooks.MapPost("/bitbucket/{projectId}", (string projectId, HttpContext context, WebhookDeliveryProcessor processor) =>
            ReceiveAsync(ProviderRules.Bitbucket, projectId, context, processor));

        // Liveness only says the process serves; readiness (/readyz) checks the caches.
        endpoints.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        return endpoints;
    }

    private static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, JsonHttpResult<WebhookResponse>>> ReceiveAsync(
        ProviderRules rules, string projectId, HttpContext context, WebhookDeliveryProcessor processor)
    {
        var answer = await processor.ProcessAsync(rules, projectId, context.Request, context.RequestAborted);
        if (answer.RetryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return answer.StatusCode switch
        {
            StatusCodes.Status202Accepted => TypedResults.Accepted((string?)null, answer.Body),
            StatusCodes.Status200OK => TypedResults.Ok(answer.Body),
            _ => TypedResults.Json(answer.Body, statusCode: answer.StatusCode),
        };
    }
}
