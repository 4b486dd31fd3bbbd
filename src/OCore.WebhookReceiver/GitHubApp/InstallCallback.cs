using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using OCore.Api.GitHubApp;
using OCore.WebhookReceiver.Cluster;

namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// <c>GET /api/github-app/callback?installation_id=..&amp;state=..</c>: GitHub's redirect after the App was
/// installed. The signed, expiring state names the namespace; only then is the GitHubInstallation
/// <c>gh-&lt;installation_id&gt;</c> created (or linked again) there. The id itself is not trusted: the operator
/// verifies it with GitHub. Answers JSON, or a small HTML page for a browser.
/// </summary>
internal sealed class InstallCallback(
    GitHubAppSecretSource secrets,
    InstallationWriter installations,
    ClusterCaches caches,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<InstallCallback> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var answer = await AnswerAsync(context.Request.Query, context.RequestAborted);
        logger.LogInformation("GitHub App install callback: {StatusCode} {Result}: {Detail}", answer.Code, answer.Body.Status, answer.Body.Message);
        return WantsHtml(context.Request) ? Html(answer.Code, answer.Body) : Results.Json(answer.Body, statusCode: answer.Code);
    }

    private async Task<(int Code, CallbackResponse Body)> AnswerAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var keys = await secrets.GetAsync(cancellationToken);
        if (keys is null)
            return (StatusCodes.Status404NotFound, new CallbackResponse("not_configured", "GitHub App not configured"));

        var installationId = query["installation_id"].ToString();
        if (installationId.Length == 0 && query["setup_action"] == "request")
        {
            return (StatusCodes.Status200OK, new CallbackResponse("requested",
                "The installation was requested on GitHub; once an owner of the account approves it, start the installation again from oCore to link it."));
        }

        if (!long.TryParse(installationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            return (StatusCodes.Status400BadRequest, new CallbackResponse("bad_request", "installation_id is missing or not a positive number"));
        if (!InstallState.TryRead(keys.StateKey, query["state"], time.GetUtcNow(), out var state, out var error))
            return (StatusCodes.Status400BadRequest, new CallbackResponse("bad_request", error));
        var served = cluster.Value.WatchNamespace;
        if (!string.IsNullOrEmpty(served) && served != state.Namespace)
            return (StatusCodes.Status400BadRequest, new CallbackResponse("bad_request", $"this oCore does not serve organization '{state.Namespace}'"));

        if (caches.Installations.List(state.Namespace).FirstOrDefault(i => i.Spec.InstallationId != id
            && i.Metadata.Annotations?.TryGetValue(InstallationAnnotations.InstallState, out var nonce) == true && nonce == state.Nonce) is { } earlier)
        {
            return (StatusCodes.Status409Conflict, new CallbackResponse("conflict",
                $"this install link was used already (for installation {earlier.Spec.InstallationId}); start again from Organization Settings > GitHub App"));
        }

        var name = await installations.LinkAsync(state.Namespace, id, state.Nonce,
            InstallState.LinkProof(keys.StateKey, state.Namespace, id), cancellationToken);
        if (name is null)
        {
            return (StatusCodes.Status409Conflict, new CallbackResponse("conflict",
                $"GitHubInstallation {InstallationAnnotations.NameFor(id)} in '{state.Namespace}' holds another installation id; rename or delete it"));
        }

        return (StatusCodes.Status200OK, new CallbackResponse("linked",
            $"GitHub App installation {id} is linked to organization '{state.Namespace}' as GitHubInstallation {name}; oCore now verifies it with GitHub.")
        {
            Namespace = state.Namespace,
            Installation = name,
        });
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static IResult Html(int code, CallbackResponse body)
    {
        var title = code == StatusCodes.Status200OK ? "oCore GitHub App" : "oCore GitHub App: something went wrong";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{HtmlEncoder.Default.Encode(title)}</title></head>
            <body><h1>{HtmlEncoder.Default.Encode(title)}</h1><p>{HtmlEncoder.Default.Encode(body.Message)}</p></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: code);
    }
}
