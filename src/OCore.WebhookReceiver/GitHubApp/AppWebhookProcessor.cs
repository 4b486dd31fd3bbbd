using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OCore.Api.Git;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Delivery;
using OCore.WebhookReceiver.Endpoints;
using OCore.WebhookReceiver.Options;
using OCore.WebhookReceiver.Parsing;
using OCore.WebhookReceiver.Push;
using OCore.WebhookReceiver.Verification;

namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// <c>POST /api/webhooks/github-app</c>: deliveries of the App's own webhook, verified with the App's webhook
/// secret like any GitHub delivery (raw body, capped, HMAC-SHA256 in constant time). Installation events mark the
/// linked GitHubInstallations for the operator; pushes go to the projects of the pushed repository.
/// </summary>
internal sealed class AppWebhookProcessor(
    GitHubAppSecretSource secrets,
    ClusterCaches caches,
    InstallationWriter installations,
    AppPushRouter pushes,
    IOptions<WebhookOptions> options,
    ILogger<AppWebhookProcessor> logger)
{
    private const string DeliveryHeader = "X-GitHub-Delivery";

    private static readonly EventRoute PushRoute = EventRoute.Push(GitHubPushParser.Parse, DeliveryHeader);
    private static readonly EventRoute OtherRoute = EventRoute.Other(DeliveryHeader);

    /// <summary>GitHub's signature and event headers; App webhooks are always JSON.</summary>
    private static readonly ProviderRules Rules = new()
    {
        Provider = GitProvider.GitHub,
        SignatureHeader = "X-Hub-Signature-256",
        Scheme = SignatureScheme.HmacSha256,
        EventHeader = "X-GitHub-Event",
        AcceptsForm = false,
        Route = eventName => eventName == "push" ? PushRoute : OtherRoute,
    };

    public async Task<WebhookAnswer> ProcessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var headers = DeliveryHeaders.Read(Rules, request.Headers);
        var answer = await AnswerAsync(request, headers, cancellationToken);
        logger.LogInformation("GitHub App webhook {EventName} delivery {DeliveryId}: {StatusCode} {Result}: {Detail}",
            headers.EventName, headers.DeliveryId, answer.StatusCode, answer.Body.Status, answer.Body.Message);
        return answer;
    }

    private async Task<WebhookAnswer> AnswerAsync(HttpRequest request, DeliveryHeaders headers, CancellationToken cancellationToken)
    {
        var keys = await secrets.GetAsync(cancellationToken);
        if (keys is null)
            return WebhookAnswer.Error(StatusCodes.Status404NotFound, "not_configured", "GitHub App not configured");
        if (!ContentTypes.TryClassify(request.ContentType, acceptsForm: false, out _, out var contentTypeError))
            return WebhookAnswer.Error(StatusCodes.Status415UnsupportedMediaType, WebhookStatus.UnsupportedMediaType, contentTypeError);
        if (headers.Error is { } headerError)
            return WebhookAnswer.BadRequest(headerError);
        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
            return TooLarge(maxBytes);
        if (headers.Signature is null || !SignatureHeader.TryParseHmacSha256(headers.Signature, out var presented))
            return Unauthorized($"header '{Rules.SignatureHeader}' is missing or not of the form sha256=<64 hex digits>");

        using var signature = new HmacBodySignature([keys.WebhookSecret], presented, secretsAreReal: true);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = null;
        using var body = await BodyReader.ReadAsync(request.BodyReader, request.ContentLength, maxBytes, signature, cancellationToken);
        if (body is null)
            return TooLarge(maxBytes);
        if (!signature.IsValid())
            return Unauthorized($"header '{Rules.SignatureHeader}' does not match the body signed with the GitHub App's webhook secret");

        try
        {
            using var document = JsonPayload.Parse(body.Memory);
            var root = document.RootElement;
            return headers.EventName switch
            {
                "ping" => Acknowledged(headers, WebhookStatus.Ignored, "ping received: the GitHub App's webhook reaches oCore and its secret matches"),
                "installation" or "installation_repositories" or "installation_target" => await InstallationEventAsync(root, headers, cancellationToken),
                "push" => await PushAsync(root, headers, cancellationToken),
                _ => Acknowledged(headers, WebhookStatus.Ignored, $"event '{headers.EventName}' is not handled"),
            };
        }
        catch (PayloadException e)
        {
            return WebhookAnswer.BadRequest(e.Message);
        }
    }

    /// <summary>
    /// <c>installation</c> deleted: every linked GitHubInstallation is unlinked and no longer verified. Any other
    /// installation event (created, suspend, unsuspend, new permissions, repositories added or removed, account
    /// renamed) asks the operator to verify the installation again at once.
    /// </summary>
    private async Task<WebhookAnswer> InstallationEventAsync(JsonElement root, DeliveryHeaders headers, CancellationToken cancellationToken)
    {
        var id = InstallationId(root) ?? throw new PayloadException("installation.id is missing; an App webhook names its installation");
        var action = PayloadObject.Root(root).OptionalString("action") ?? "";
        var linked = caches.Installations.ByIndex(ClusterCaches.ByInstallationId, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (linked.Count == 0)
            return Acknowledged(headers, WebhookStatus.Ignored, $"no organization is linked to installation {id}");

        var refresh = headers.DeliveryId ?? Guid.NewGuid().ToString("N");
        var uninstalled = headers.EventName == "installation" && action == "deleted";
        foreach (var installation in linked)
        {
            if (uninstalled)
                await installations.MarkUninstalledAsync(installation, refresh, cancellationToken);
            else
                await installations.RefreshAsync(installation, refresh, cancellationToken);
        }

        var where = string.Join(", ", linked.Select(i => $"{i.Metadata.NamespaceProperty}/{i.Metadata.Name}").Order(StringComparer.Ordinal));
        var message = uninstalled
            ? $"installation {id} was deleted on GitHub; unlinked {where}"
            : $"{headers.EventName} {action}: asked the operator to verify installation {id} again ({where})";
        return new WebhookAnswer(StatusCodes.Status202Accepted, new WebhookResponse(WebhookStatus.Queued, message)
        {
            Event = headers.EventName,
            DeliveryId = headers.DeliveryId,
        });
    }

    private async Task<WebhookAnswer> PushAsync(JsonElement root, DeliveryHeaders headers, CancellationToken cancellationToken)
    {
        var push = GitHubPushParser.Parse(root, headers.DeliveryId!, headers.EventName!);
        var id = InstallationId(root) ?? throw new PayloadException("installation.id is missing; an App webhook names its installation");
        var projects = pushes.ProjectsFor(id, push.RepositoryFullName);
        if (projects.Count == 0)
            return Acknowledged(headers, WebhookStatus.Ignored, $"no project in the organizations linked to installation {id} uses repository '{push.RepositoryFullName}'");
        if (!push.BranchChanges.Any())
            return Acknowledged(headers, WebhookStatus.Ignored, $"no branch changed, only {string.Join(", ", push.Changes.Select(c => c.Ref))}; only refs/heads/* deploy");

        IReadOnlyList<(Projects.WebhookProject Project, PushOutcome Outcome)> outcomes;
        try
        {
            outcomes = await pushes.HandleAsync(projects, push, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Push handler failed for GitHub App delivery {DeliveryId}", headers.DeliveryId);
            return WebhookAnswer.Error(StatusCodes.Status503ServiceUnavailable, WebhookStatus.Unavailable,
                "the push was verified but could not be handed on; redeliver it later");
        }

        var message = string.Join("; ", outcomes.Select(o => $"{o.Project.Namespace}/{o.Project.Name}: {o.Outcome.Message}"));
        WebhookAnswer answer;
        if (outcomes.Any(o => o.Outcome.Kind == PushOutcomeKind.Queued))
        {
            answer = new WebhookAnswer(StatusCodes.Status202Accepted, new WebhookResponse(WebhookStatus.Queued, message)
            {
                Event = headers.EventName,
                DeliveryId = headers.DeliveryId,
                Deployments = [.. outcomes.SelectMany(o => o.Outcome.Deployments)],
            });
        }
        else
        {
            answer = Acknowledged(headers, outcomes.All(o => o.Outcome.Kind == PushOutcomeKind.Duplicate) ? WebhookStatus.Duplicate : WebhookStatus.Ignored, message);
        }

        foreach (var (project, outcome) in outcomes)
            pushes.Record(project, headers.DeliveryId, headers.EventName!, answer.StatusCode, outcome.Message);
        return answer;
    }

    private static long? InstallationId(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("installation", out var installation) && installation.ValueKind == JsonValueKind.Object
        && installation.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) && value > 0
            ? value
            : null;

    private static WebhookAnswer Unauthorized(string message) =>
        WebhookAnswer.Error(StatusCodes.Status401Unauthorized, WebhookStatus.Unauthorized, message);

    private static WebhookAnswer TooLarge(int maxBytes) =>
        WebhookAnswer.Error(StatusCodes.Status413PayloadTooLarge, WebhookStatus.PayloadTooLarge, $"body is larger than {maxBytes} bytes");

    private static WebhookAnswer Acknowledged(DeliveryHeaders headers, string status, string message) =>
        new(StatusCodes.Status200OK, new WebhookResponse(status, message) { Event = headers.EventName, DeliveryId = headers.DeliveryId });
}
