using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Operator.Ssh;
using OCore.Runtime.Writing;

namespace OCore.Operator.Projects;

/// <summary>Builds the two Secrets a Project owns. Pure: the reconciler decides when, and does the writing.</summary>
public static class ProjectSecrets
{
    public static V1Secret NewWebhookSecret(Project project, string projectId, string? handled) => new()
    {
        Metadata = Metadata(project, WebhookSecretFormat.NameFor(project.Metadata.Name),
            Handled(new Dictionary<string, string> { [WebhookSecretFormat.ProjectIdAnnotation] = projectId }, WebhookSecretFormat.HandledAnnotation, handled)),
        Type = "Opaque",
        Data = new Dictionary<string, byte[]> { [WebhookSecretFormat.SecretKey] = NewWebhookSecretValue() },
    };

    /// <summary>A new secret; the old one stays valid until <paramref name="previousValidUntil"/> for deliveries in flight.</summary>
    public static V1Secret Rotated(V1Secret current, DateTime previousValidUntil, string handled)
    {
        ArgumentNullException.ThrowIfNull(current);
        var rotated = Clone(current);
        rotated.Data ??= new Dictionary<string, byte[]>();
        if (current.Data?.TryGetValue(WebhookSecretFormat.SecretKey, out var previous) == true)
            rotated.Data[WebhookSecretFormat.PreviousSecretKey] = previous;
        rotated.Data[WebhookSecretFormat.SecretKey] = NewWebhookSecretValue();
        rotated.Metadata.Annotations ??= new Dictionary<string, string>();
        rotated.Metadata.Annotations[WebhookSecretFormat.PreviousValidUntilAnnotation] =
            previousValidUntil.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        rotated.Metadata.Annotations[WebhookSecretFormat.HandledAnnotation] = handled;
        return rotated;
    }

    public static V1Secret NewDeployKeySecret(Project project, SshKeyPair key, string? knownHosts, string? handled) => new()
    {
        Metadata = Metadata(project, DeployKeySecretFormat.NameFor(project.Metadata.Name),
            Handled(new Dictionary<string, string>(), DeployKeySecretFormat.HandledAnnotation, handled)),
        Type = "Opaque",
        Data = DeployKeyData(key, knownHosts),
    };

    public static V1Secret WithDeployKey(V1Secret current, SshKeyPair key, string? knownHosts, string handled)
    {
        var updated = Clone(current);
        updated.Data = DeployKeyData(key, knownHosts);
        updated.Metadata.Annotations ??= new Dictionary<string, string>();
        updated.Metadata.Annotations[DeployKeySecretFormat.HandledAnnotation] = handled;
        return updated;
    }

    /// <summary>The action value a Secret last answered, from its handled annotation.</summary>
    public static string? HandledValue(V1Secret? secret, string annotation) =>
        secret?.Metadata.Annotations?.TryGetValue(annotation, out var value) == true ? value : null;

    public static V1Secret WithKnownHosts(V1Secret current, string? knownHosts)
    {
        var updated = Clone(current);
        updated.Data ??= new Dictionary<string, byte[]>();
        if (knownHosts is null)
            updated.Data.Remove(DeployKeySecretFormat.KnownHostsKey);
        else
            updated.Data[DeployKeySecretFormat.KnownHostsKey] = Encoding.UTF8.GetBytes(knownHosts);
        return updated;
    }

    public static string? Text(V1Secret? secret, string key) =>
        secret?.Data?.TryGetValue(key, out var value) == true ? Encoding.UTF8.GetString(value) : null;

    /// <summary>The comment of a project's deploy key, so people recognise it in their provider's key list.</summary>
    public static string KeyComment(Project project) => $"ocore-{project.Metadata.NamespaceProperty}-{project.Metadata.Name}";

    private static Dictionary<string, string> Handled(Dictionary<string, string> annotations, string key, string? value)
    {
        if (value is not null)
            annotations[key] = value;
        return annotations;
    }

    private static Dictionary<string, byte[]> DeployKeyData(SshKeyPair key, string? knownHosts)
    {
        var data = new Dictionary<string, byte[]>
        {
            [DeployKeySecretFormat.IdentityKey] = Encoding.UTF8.GetBytes(key.PrivateKey),
            [DeployKeySecretFormat.PublicKey] = Encoding.UTF8.GetBytes(key.PublicKey + "\n"),
        };
        if (knownHosts is not null)
            data[DeployKeySecretFormat.KnownHostsKey] = Encoding.UTF8.GetBytes(knownHosts);
        return data;
    }

    /// <summary>32 random bytes as 64 hex characters: easy to paste, nothing to trim.</summary>
    private static byte[] NewWebhookSecretValue() =>
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    private static V1ObjectMeta Metadata(Project project, string name, Dictionary<string, string>? annotations) => new()
    {
        Name = name,
        NamespaceProperty = project.Metadata.NamespaceProperty,
        Labels = new Dictionary<string, string>
        {
            [Labels.ManagedBy] = Labels.ManagedByValue,
            [Labels.Project] = project.Metadata.Name,
        },
        Annotations = annotations,
        OwnerReferences = [OwnerReferences.ControllerOf(project)],
    };

    private static V1Secret Clone(V1Secret secret) =>
        k8s.KubernetesJson.Deserialize<V1Secret>(k8s.KubernetesJson.Serialize(secret));
}
