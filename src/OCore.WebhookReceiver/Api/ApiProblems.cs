using System.Net;
using System.Text.Json;
using k8s.Autorest;
using OCore.Management;
using OCore.Runtime.Informers;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// The API's error answers, as RFC 9457 problem details: 401 (no or rejected token), 403 (RBAC said no: names the
/// role), 404, 409, 422 (names the field: <c>errors</c> maps each field to its messages). Kubernetes' own message is
/// passed on; it never holds a secret.
/// </summary>
internal static class ApiProblems
{
    public static IResult MissingToken() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "send a Kubernetes token as 'Authorization: Bearer <token>' (for example: kubectl create token <service-account>)");

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unprocessable Entity", detail: message);

    /// <summary>RBAC said no; names the role that would allow it.</summary>
    public static IResult Forbidden(string what, string role, string @namespace) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: $"{what}; this needs the {role} role in namespace {@namespace}",
            extensions: new Dictionary<string, object?> { ["role"] = role, ["namespace"] = @namespace });

    /// <summary>The answer for a failure of an API operation, or null when it is not one the API explains (a real 500).</summary>
    public static IResult? From(Exception failure, string role, string @namespace) => failure switch
    {
        ResourceNotFoundException { Field: { } field } missing => Invalid(field, missing.Message),
        ResourceNotFoundException missing => NotFound(missing.Message),
        InvalidRequestException invalid => Invalid(invalid.Field, invalid.Message),
        HttpOperationException http => FromKubernetes(http.Response.StatusCode, Read(http.Response.Content), role, @namespace),
        KubernetesApiException api => FromKubernetes(api.StatusCode, (api.StatusMessage, []), role, @namespace),
        _ => null,
    };

    private static IResult FromKubernetes(HttpStatusCode status, (string Message, Dictionary<string, string[]> Causes) answer, string role, string @namespace)
    {
        var (message, causes) = answer;
        return status switch
        {
            HttpStatusCode.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Kubernetes rejected the bearer token (expired, revoked or not a token of this cluster)"),
            HttpStatusCode.Forbidden => Forbidden(message, role, @namespace),
            HttpStatusCode.NotFound => NotFound(message),
            HttpStatusCode.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"{message}; read it again and retry"),
            HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => Results.ValidationProblem(
                causes.Count > 0 ? causes : new Dictionary<string, string[]> { [""] = [message] },
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable Entity", detail: message),
            _ => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Bad Gateway",
                detail: $"the Kubernetes API answered {(int)status}: {message}"),
        };
    }

    /// <summary>A Kubernetes Status body's message and its causes by field (<c>spec.repository.url</c>...).</summary>
    private static (string Message, Dictionary<string, string[]> Causes) Read(string? body)
    {
        var causes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(body))
            return ("no message", causes);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "no message";
            if (root.TryGetProperty("details", out var details) && details.TryGetProperty("causes", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var group in list.EnumerateArray()
                    .Select(c => (Field: c.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "", Message: c.TryGetProperty("message", out var cm) ? cm.GetString() ?? "" : ""))
                    .GroupBy(c => c.Field, StringComparer.Ordinal))
                {
                    causes[group.Key] = group.Select(c => c.Message).ToArray();
                }
            }

            return (message, causes);
        }
        catch (JsonException)
        {
            return ("the answer was not a Kubernetes Status", causes);
        }
    }
}
