namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>The GitHub App's public endpoints: the install callback (Setup URL) and the App webhook.</summary>
internal static class GitHubAppEndpoints
{
    public static IEndpointRouteBuilder MapGitHubAppEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/github-app/callback", (HttpContext context, InstallCallback callback) => callback.HandleAsync(context));
        endpoints.MapPost("/api/webhooks/github-app", async (HttpContext context, AppWebhookProcessor processor) =>
        {
            var answer = await processor.ProcessAsync(context.Request, context.RequestAborted);
            return Results.Json(answer.Body, statusCode: answer.StatusCode);
        });
        return endpoints;
    }
}
