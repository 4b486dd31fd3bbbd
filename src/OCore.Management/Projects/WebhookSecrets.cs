using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;

namespace OCore.Management.Projects;

/// <summary>Where a Project's webhook secret is, and its value when the caller may read it.</summary>
public static class WebhookSecrets
{
    public static string SecretName(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Status?.Webhook?.SecretRef?.Name ?? WebhookSecretFormat.NameFor(project.Metadata.Name);
    }

    /// <summary>The secret, or null when it is missing or the caller may not read Secrets.</summary>
    public static Task<string?> ReadAsync(OcoreResources resources, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return resources.ReadSecretValueAsync(SecretName(project), WebhookSecretFormat.SecretKey, cancellationToken);
    }
}
