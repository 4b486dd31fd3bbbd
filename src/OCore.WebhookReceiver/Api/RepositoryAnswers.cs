using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.Management.Projects;
using OCore.WebhookReceiver.Api.Contracts;

namespace OCore.WebhookReceiver.Api;

/// <summary>Builds the repository answer from a Project (pure: the secret, when readable, is passed in).</summary>
internal static class RepositoryAnswers
{
    public static RepositoryResponse From(Project project, string? webhookSecret)
    {
        var status = project.Status;
        var invalid = RepositoryConnections.BadSpec(project);
        var state = invalid is not null ? "invalid"
            : RepositoryConnections.IsConnected(project, project.Metadata.Generation) ? "connected"
            : "pending";
        var message = invalid?.Message
            ?? (state == "pending" ? "the operator has not created the deploy key and webhook yet; read this again in a moment" : null);
        var deployKey = status?.DeployKey?.PublicKey is { } publicKey
            ? new DeployKeyResponse(publicKey, status.DeployKey.Fingerprint, Message(project, ConditionTypes.DeployKeyReady))
            : null;
        var webhook = status?.Webhook?.Url is { } url
            ? new WebhookResponse(url, webhookSecret, WebhookSecrets.SecretName(project), Message(project, ConditionTypes.WebhookReady), Delivery(status.Webhook.LastDelivery))
            : null;
        var accessible = Conditions.Find(status?.Conditions, ConditionTypes.RepositoryAccessible)?.Status switch
        {
            ConditionStatus.True => true,
            ConditionStatus.False => (bool?)false,
            _ => null,
        };
        return new RepositoryResponse(status?.ProjectId ?? "", project.Metadata.NamespaceProperty, project.Metadata.Name, project.Spec.Repository.Url,
            project.Spec.Repository.Branch, (status?.Provider ?? project.Spec.Repository.Provider) is { } provider ? GitProviderNames.Of(provider) : null, state, message,
            deployKey, webhook, accessible);
    }

    private static string? Message(Project project, string conditionType) =>
        Conditions.Find(project.Status?.Conditions, conditionType)?.Message is { Length: > 0 } message ? message : null;

    private static string? Delivery(WebhookDelivery? delivery) =>
        delivery is null ? null : $"{delivery.Time:yyyy-MM-ddTHH:mm:ssZ} {delivery.Event} {delivery.Id}: {delivery.Result}";
}
