using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Api.GitHubApp;
using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// The receiver's only writes to GitHubInstallations: link one (install callback), ask the operator to verify one
/// again (<c>ocore.io/refresh</c>), and mark one uninstalled. The operator does the verifying; nothing here reconciles.
/// </summary>
internal sealed class InstallationWriter(IKubernetes kubernetes)
{
    private const string Plural = "githubinstallations";
    private const string Group = CustomResource<GitHubInstallationSpec, GitHubInstallationStatus>.Group;
    private const string Version = CustomResource<GitHubInstallationSpec, GitHubInstallationStatus>.Version;

    /// <summary>Creates <c>gh-&lt;id&gt;</c> in the namespace, or links it again when it exists (unlinked=false).</summary>
    /// <returns>The GitHubInstallation's name, or null when that name holds another installation id.</returns>
    public async Task<string?> LinkAsync(string @namespace, long installationId, string stateNonce, string linkProof, CancellationToken cancellationToken)
    {
        var name = InstallationAnnotations.NameFor(installationId);
        var installation = new GitHubInstallation
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Annotations = new Dictionary<string, string>
                {
                    [InstallationAnnotations.Refresh] = $"callback-{stateNonce}",
                    [InstallationAnnotations.LinkProof] = linkProof,
                    [InstallationAnnotations.InstallState] = stateNonce,
                },
            },
            Spec = new GitHubInstallationSpec { InstallationId = installationId },
        };
        try
        {
            await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(installation, Group, Version, @namespace, Plural, cancellationToken: cancellationToken);
            return name;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Installed again: link the existing record again.
        }

        var existing = await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, @namespace, Plural, name, cancellationToken);
        var id = JsonSerializer.SerializeToElement(existing).GetProperty("spec").GetProperty("installationId").GetInt64();
        if (id != installationId)
            return null;
        var annotations = new Dictionary<string, string>
        {
            [InstallationAnnotations.Refresh] = $"callback-{stateNonce}",
            [InstallationAnnotations.LinkProof] = linkProof,
            [InstallationAnnotations.InstallState] = stateNonce,
        };
        await PatchAsync(@namespace, name, new { metadata = new { annotations }, spec = new { unlinked = false } }, cancellationToken);
        return name;
    }

    /// <summary>A new <c>ocore.io/refresh</c> value: the operator verifies the installation with GitHub at once.</summary>
    public Task RefreshAsync(GitHubInstallation installation, string refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return PatchAsync(installation.Metadata.NamespaceProperty, installation.Metadata.Name, new { metadata = Annotation(refresh) }, cancellationToken);
    }

    /// <summary>The App was uninstalled on GitHub: unlinked (routing skips it; the record stays) and no longer verified.</summary>
    public async Task MarkUninstalledAsync(GitHubInstallation installation, string refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var (ns, name) = (installation.Metadata.NamespaceProperty, installation.Metadata.Name);
        await PatchAsync(ns, name, new { metadata = Annotation(refresh), spec = new { unlinked = true } }, cancellationToken);
        await PatchAsync(ns, name, new { status = new { verified = false } }, cancellationToken, status: true);
    }

    private async Task PatchAsync(string @namespace, string name, object patch, CancellationToken cancellationToken, bool status = false)
    {
        var body = new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch);
        try
        {
            if (status)
                await kubernetes.CustomObjects.PatchNamespacedCustomObjectStatusAsync(body, Group, Version, @namespace, Plural, name, cancellationToken: cancellationToken);
            else
                await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(body, Group, Version, @namespace, Plural, name, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted meanwhile: nothing to mark.
        }
    }

    private static object Annotation(string refresh) =>
        new { annotations = new Dictionary<string, string> { [InstallationAnnotations.Refresh] = refresh } };
}
