using System.Net;
using System.Text.Json;
using k8s.Autorest;
using OCore.Management;
using OCore.Runtime.Informers;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Turns what went wrong into the error page's words: 403 names the role, 422 names the field. Null: a real 500.</summary>
internal static class Failures
{
    public static Failure? From(Exception failure, string role, string @namespace) => failure switch
    {
        ResourceNotFoundException missing => new(missing.Field is null ? 404 : 422, missing.Field is null ? "Not found" : "Check the form", missing.Message, null, @namespace),
        InvalidRequestException invalid => new(422, "Check the form", invalid.Message, null, @namespace),
        HttpOperationException http => FromKubernetes(http.Response.StatusCode, MessageOf(http.Response.Content), role, @namespace),
        KubernetesApiException api => FromKubernetes(api.StatusCode, api.Message, role, @namespace),
        _ => null,
    };

    public static Failure Invalid(string message, string @namespace) => new(422, "Check the form", message, null, @namespace);

    private static Failure FromKubernetes(HttpStatusCode status, string message, string role, string @namespace) =>
        status switch
        {
            HttpStatusCode.Unauthorized => new(401, "Signed out", "Kubernetes no longer accepts your token.", null, @namespace),
            HttpStatusCode.Forbidden => new(403, "Not allowed", $"Kubernetes refused: {message}. This needs the {role} role in namespace {@namespace}; ask an administrator for a RoleBinding.", role, @namespace),
            HttpStatusCode.NotFound => new(404, "Not found", message, null, @namespace),
            HttpStatusCode.Conflict => new(409, "Changed meanwhile", $"{message}. Someone else changed it; go back, reload and try again.", null, @namespace),
            HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => new(422, "Check the form", message, null, @namespace),
            _ => new(502, "Kubernetes error", $"The Kubernetes API answered {(int)status}: {message}", null, @namespace),
        };

    private static string MessageOf(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return "no message";
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : "no message";
        }
        catch (JsonException)
        {
            return "the answer was not a Kubernetes Status";
        }
    }
}
