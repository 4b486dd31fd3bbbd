using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OCore.WebhookReceiver.Endpoints;
using OCore.WebhookReceiver.Options;
using OCore.WebhookReceiver.Parsing;
using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Push;
using OCore.WebhookReceiver.Verification;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>
/// Takes one delivery from request to answer: content type, headers, size cap, signature, rate limit, payload,
/// repository, then the push handler. It never reconciles: it verifies, decides and hands the push on.
/// </summary>
internal sealed class WebhookDeliveryProcessor(
    IWebhookProjectDirectory projects,
    IPushHandler pushHandler,
    WebhookVerifier verifier,
    ProjectRateLimiter rateLimiter,
    IOptions<WebhookOptions> options,
    IEnumerable<IDeliveryRecorder> recorders,
    FailedVerificationLog failedVerifications,
    ILogger<WebhookDeliveryProcessor> logger)
{
    // Resolved once: the processor is a singleton, and enumerating the registrations per request costs an allocation.
    private readonly IDeliveryRecorder[] _recorders = [.. recorders];

    public async ValueTask<WebhookAnswer> ProcessAsync(ProviderRules rules, string projectId, HttpRequest request, CancellationToken cancellationToken)
    {
        var headers = DeliveryHeaders.Read(rules, request.Headers);
        var answer = await AnswerAsync(rules, projectId, request, headers, cancellationToken);
        // Failed verifications are logged by FailedVerificationLog, a line per project and interval, not per delivery.
        if (answer.FailedVerification)
            return answer;
        DeliveryLog.Answered(
            logger,
            answer.StatusCode >= 500 ? LogLevel.Error : answer.StatusCode >= 400 ? LogLevel.Warning : LogLevel.Information,
            rules.ProviderName,
            headers.EventName,
            headers.DeliveryId,
            projectId,
            answer.StatusCode,
            answer.Body.Status,
            answer.Body.Message);
        return answer;
    }

    private async ValueTask<WebhookAnswer> AnswerAsync(
        ProviderRules rules, string projectId, HttpRequest request, DeliveryHeaders headers, CancellationToken cancellationToken)
    {
        if (!ContentTypes.TryClassify(request.ContentType, rules.AcceptsForm, out var format, out var contentTypeError))
            return WebhookAnswer.Error(StatusCodes.Status415UnsupportedMediaType, WebhookStatus.UnsupportedMediaType, contentTypeError);
        if (headers.Error is { } headerError)
            return WebhookAnswer.BadRequest(headerError);

        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
            return TooLarge(maxBytes);

        // The directory is an in-memory watch cache. Looking the project up before the body streams in lets the
        // HMAC be computed on the way; an unknown project is checked against a stand-in secret all the same.
        var found = projects.Find(projectId);
        var project = found?.Provider == rules.Provider ? found : null;
        if (!TryReadCredential(rules, headers.Signature, out var presented, out var credentialError))
            return FailedVerification(rules, projectId, project, headers, credentialError);

        using var signature = verifier.Begin(rules.Scheme, project, presented);
        // Our cap is enforced while reading and answers with a JSON 413. Kestrel's own limit (30 MB by default)
        // would instead fail the read, and would cut off any cap configured above it.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = null;
        using var body = await BodyReader.ReadAsync(request.BodyReader, request.ContentLength, maxBytes, signature, cancellationToken);
        if (body is null)
            return TooLarge(maxBytes);
        if (!signature.IsValid() || project is null)
            return FailedVerification(rules, projectId, project, headers, Mismatch(rules));

        if (!rateLimiter.TryAcquire(project.ProjectId, out var retryAfter))
        {
            return new WebhookAnswer(
                StatusCodes.Status429TooManyRequests,
                new WebhookResponse(WebhookStatus.RateLimited, $"project '{projectId}' sent more deliveries than its rate limit allows; retry later"),
                retryAfter);
        }

        var route = headers.Route!;
        var answer = route.Kind switch
        {
            EventKind.Ping => Acknowledged(headers, WebhookStatus.Ignored, $"ping received: the webhook reaches oCore and its secret matches project '{projectId}'"),
            EventKind.Push => await HandlePushAsync(project, headers, route, body, format, cancellationToken),
            _ => Acknowledged(headers, WebhookStatus.Ignored, $"event '{headers.EventName}' is not handled; only push events deploy"),
        };
        foreach (var recorder in _recorders)
            recorder.Record(project, headers.DeliveryId, headers.EventName, answer.StatusCode, answer.Body.Message);
        return answer;
    }

    private async ValueTask<WebhookAnswer> HandlePushAsync(
        WebhookProject project, DeliveryHeaders headers, EventRoute route, RequestBody body, BodyFormat format, CancellationToken cancellationToken)
    {
        PushEvent push;
        try
        {
            var json = format == BodyFormat.Form ? body.Memory[FormPayload.DecodeInPlace(body.Memory.Span)] : body.Memory;
            push = ReadPush(route, json, headers);
        }
        catch (PayloadException e)
        {
            return WebhookAnswer.BadRequest(e.Message);
        }

        if (!RepositoryMatch.IsProjectRepository(project.Provider, project.Repository, push.RepositoryFullName))
        {
            return WebhookAnswer.Error(
                StatusCodes.Status403Forbidden,
                WebhookStatus.Forbidden,
                $"repository '{push.RepositoryFullName}' in the payload is not this project's repository '{project.Repository.FullName}'");
        }

        if (!HasBranchChange(push))
            return Acknowledged(headers, WebhookStatus.Ignored, NoBranchMessage(push));

        PushOutcome outcome;
        try
        {
            outcome = await pushHandler.HandleAsync(project, push, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DeliveryLog.HandlerFailed(logger, e, headers.DeliveryId, project.ProjectId);
            return WebhookAnswer.Error(
                StatusCodes.Status503ServiceUnavailable,
                WebhookStatus.Unavailable,
                "the push was verified but could not be handed on; redeliver it later");
        }

        return outcome.Kind switch
        {
            PushOutcomeKind.Queued => new WebhookAnswer(
                StatusCodes.Status202Accepted,
                new WebhookResponse(WebhookStatus.Queued, outcome.Message)
                {
                    Event = headers.EventName,
                    DeliveryId = headers.DeliveryId,
                    Deployments = outcome.Deployments,
                }),
            PushOutcomeKind.Duplicate => Acknowledged(headers, WebhookStatus.Duplicate, outcome.Message),
            _ => Acknowledged(headers, WebhookStatus.Ignored, outcome.Message),
        };
    }

    private static PushEvent ReadPush(EventRoute route, ReadOnlyMemory<byte> json, DeliveryHeaders headers)
    {
        if (route.Reader is { } reader)
            return reader(json, headers.DeliveryId!, headers.EventName!);
        using var document = JsonPayload.Parse(json);
        return route.Parser!(document.RootElement, headers.DeliveryId!, headers.EventName!);
    }

    private static bool HasBranchChange(PushEvent push)
    {
        foreach (var change in push.Changes)
        {
            if (change.Branch is not null)
                return true;
        }

        return false;
    }

    private static bool TryReadCredential(ProviderRules rules, string? header, out byte[] presented, out string error)
    {
        presented = [];
        error = "";
        if (header is null)
        {
            error = $"header '{rules.SignatureHeader}' is missing; set the secret oCore gave for this project on the webhook";
            return false;
        }

        if (rules.Scheme == SignatureScheme.Token)
        {
            presented = Encoding.UTF8.GetBytes(header);
            return true;
        }

        if (SignatureHeader.TryParseHmacSha256(header, out var digest))
        {
            presented = digest;
            return true;
        }

        error = $"header '{rules.SignatureHeader}' is not of the form sha256=<64 hex digits>";
        return false;
    }

    // The same words whether the project is unknown or the secret is wrong: the answer must not reveal which ids exist.
    private static string Mismatch(ProviderRules rules) => rules.Scheme == SignatureScheme.Token
        ? $"header '{rules.SignatureHeader}' does not match the webhook secret of this project, or there is no such project"
        : $"header '{rules.SignatureHeader}' does not match the body signed with the webhook secret of this project, or there is no such project";

    private static string NoBranchMessage(PushEvent push) => push.Changes.Count == 0
        ? "push changed no refs"
        : $"no branch changed, only {string.Join(", ", push.Changes.Select(change => change.Ref))}; only refs/heads/* deploy";

    private WebhookAnswer FailedVerification(ProviderRules rules, string projectId, WebhookProject? project, DeliveryHeaders headers, string message)
    {
        failedVerifications.Record(rules.ProviderName, projectId, project is not null, headers.EventName, headers.DeliveryId, message);
        return WebhookAnswer.Unauthorized(message);
    }

    private static WebhookAnswer TooLarge(int maxBytes) =>
        WebhookAnswer.Error(StatusCodes.Status413PayloadTooLarge, WebhookStatus.PayloadTooLarge, $"body is larger than {maxBytes} bytes");

    private static WebhookAnswer Acknowledged(DeliveryHeaders headers, string status, string message) =>
        new(StatusCodes.Status200OK, new WebhookResponse(status, message) { Event = headers.EventName, DeliveryId = headers.DeliveryId });
}
