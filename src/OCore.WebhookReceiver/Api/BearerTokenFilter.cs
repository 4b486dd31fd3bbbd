namespace OCore.WebhookReceiver.Api;

/// <summary>Answers 401 before any work when the caller sent no bearer token; Kubernetes judges the token itself.</summary>
internal sealed class BearerTokenFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (BearerToken.From(context.HttpContext.Request) is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.MissingToken();
        }

        return await next(context);
    }
}
