namespace OCore.WebhookReceiver.Api;

/// <summary>
/// Sends the API caller's own bearer token with every Kubernetes request made for them, so Kubernetes RBAC decides.
/// The client this sits in has no credentials of its own: without a caller the request goes out anonymous.
/// </summary>
internal sealed class CallerCredentialsHandler(IHttpContextAccessor contexts) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        if (contexts.HttpContext is { } context && BearerToken.Of(context) is { } token)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
