using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using OCore.Api.Git;

namespace OCore.Operator.GitHubApp;

/// <summary>
/// What the App last configured on GitHub, kept as an annotation on the Secret it came from: the installation, the
/// repository and a digest of the key or of webhook URL and secret. Equal records mean nothing to do (no GitHub call);
/// a changed webhook digest means the secret rotated, so the hook must be patched with the new one.
/// </summary>
public static class ConfiguredRecords
{
    /// <summary>On the <c>&lt;project&gt;-deploy-key</c> Secret.</summary>
    public const string DeployKeyAnnotation = "ocore.io/github-app-deploy-key";

    /// <summary>On the <c>&lt;project&gt;-webhook</c> Secret.</summary>
    public const string WebhookAnnotation = "ocore.io/github-app-webhook";

    public static string DeployKey(long installationId, RepositoryUrl repository, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return $"{installationId} {repository.FullName} {fingerprint}";
    }

    /// <summary>The secret enters only as part of a SHA-256 digest.</summary>
    public static string Webhook(long installationId, RepositoryUrl repository, string url, string secret)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{url}\n{secret}")))[..32];
        return $"{installationId} {repository.FullName} {digest}";
    }

    public static string? Read(V1Secret? secret, string annotation) =>
        secret?.Metadata.Annotations?.TryGetValue(annotation, out var value) == true ? value : null;
}
