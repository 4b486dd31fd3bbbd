using System.Text;
using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Operator.Tests.Support;
using OCore.Testing;

namespace OCore.Operator.Tests.Projects;

public sealed class ProjectControllerTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;
    private string _namespace = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _namespace = await _cluster.CreateNamespaceAsync();
        _operator = await OperatorHost.StartAsync(_cluster);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_new_project_gets_secrets_a_webhook_url_and_a_deploy_key()
    {
        await CreateProjectAsync("erp", "git@github.com:acme-corp/odoo-erp.git");
        var project = await ReadyProjectAsync("erp");

        var status = project.Status!;
        Assert.True(ProjectIds.IsWellFormed(status.ProjectId), status.ProjectId);
        Assert.Equal($"{OperatorHost.PublicUrl}/api/webhooks/github/{status.ProjectId}", status.Webhook!.Url);
        Assert.Equal("erp-webhook", status.Webhook.SecretRef!.Name);
        Assert.StartsWith("ssh-ed25519 ", status.DeployKey!.PublicKey, StringComparison.Ordinal);
        Assert.EndsWith($" ocore-{_namespace}-erp", status.DeployKey.PublicKey, StringComparison.Ordinal);
        Assert.StartsWith("SHA256:", status.DeployKey.Fingerprint, StringComparison.Ordinal);
        Assert.Equal(project.Metadata.Generation, status.ObservedGeneration);
        Assert.Contains("Deploy Keys > Add deploy key", Conditions.Find(status.Conditions, ConditionTypes.DeployKeyReady)!.Message, StringComparison.Ordinal);
        Assert.Contains(status.Webhook.Url!, Conditions.Find(status.Conditions, ConditionTypes.WebhookReady)!.Message, StringComparison.Ordinal);

        var webhook = await _cluster.Client.CoreV1.ReadNamespacedSecretAsync("erp-webhook", _namespace);
        var deployKey = await _cluster.Client.CoreV1.ReadNamespacedSecretAsync("erp-deploy-key", _namespace);
        Assert.Equal(project.Metadata.Uid, Assert.Single(webhook.Metadata.OwnerReferences).Uid);
        Assert.Equal(status.ProjectId, webhook.Metadata.Annotations[WebhookSecretFormat.ProjectIdAnnotation]);
        Assert.Equal(64, webhook.Data[WebhookSecretFormat.SecretKey].Length);
        Assert.Contains("github.com ssh-ed25519", Encoding.UTF8.GetString(deployKey.Data[DeployKeySecretFormat.KnownHostsKey]), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", Encoding.UTF8.GetString(deployKey.Data[DeployKeySecretFormat.IdentityKey]), StringComparison.Ordinal);

        // No secret value leaks into the status.
        var statusJson = KubernetesJson.Serialize(status);
        Assert.DoesNotContain(Encoding.UTF8.GetString(webhook.Data[WebhookSecretFormat.SecretKey]), statusJson, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", statusJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconfigure_webhook_rotates_once_and_keeps_the_previous_secret_for_the_grace_period()
    {
        await CreateProjectAsync("erp", "git@gitlab.com:acme/odoo/erp.git");
        var before = await ReadyProjectAsync("erp");
        var oldSecret = (await _cluster.Client.CoreV1.ReadNamespacedSecretAsync("erp-webhook", _namespace)).Data[WebhookSecretFormat.SecretKey];

        await AnnotateAsync("erp", Annotations.ReconfigureWebhook, "2026-11-26T10:00");
        var rotated = await Eventually.Until(() => _cluster.Client.CoreV1.ReadNamespacedSecretAsync("erp-webhook", _namespace),
            s => s.Data.ContainsKey(WebhookSecretFormat.PreviousSecretKey), "the webhook secret is rotated");
        Assert.Equal(oldSecret, rotated.Data[WebhookSecretFormat.PreviousSecretKey]);
        Assert.NotEqual(oldSecret, rotated.Data[WebhookSecretFormat.SecretKey]);
        var validUntil = DateTime.Parse(rotated.Metadata.Annotations[WebhookSecretFormat.PreviousValidUntilAnnotation], System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        Assert.InRange(validUntil, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));

        var after = await Eventually.Until(() => ReadProjectAsync("erp"), p => p.Status?.HandledReconfigureWebhook == "2026-11-26T10:00", "the handled value is recorded");
        Assert.Equal(before.Status!.ProjectId, after.Status!.ProjectId);
        Assert.Equal(before.Status.Webhook!.Url, after.Status.Webhook!.Url);

        // The same value again (another edit) does not rotate a second time.
        await AnnotateAsync("erp", "example.com/unrelated", "x");
        await Task.Delay(500);
        var still = await _cluster.Client.CoreV1.ReadNamespacedSecretAsync("erp-webhook", _namespace);
        Assert.Equal(rotated.Data[WebhookSecretFormat.SecretKey], still.Data[WebhookSecretFormat.SecretKey]);
    }

    [Fact]
    public async Task Regenerate_deploy_key_replaces_the_key_pair()
    {
        await CreateProjectAsync("erp", "git@bitbucket.org:acme/erp.git");
        var before = await ReadyProjectAsync("erp");
        Assert.Contains("Access Keys > Add key", Conditions.Find(before.Status!.Conditions, ConditionTypes.DeployKeyReady)!.Message, StringComparison.Ordinal);

        await AnnotateAsync("erp", Annotations.RegenerateDeployKey, "1");
        var after = await Eventually.Until(() => ReadProjectAsync("erp"), p => p.Status?.HandledRegenerateDeployKey == "1", "the key is regenerated");
        Assert.NotEqual(before.Status.DeployKey!.PublicKey, after.Status!.DeployKey!.PublicKey);
        Assert.NotEqual(before.Status.DeployKey.Fingerprint, after.Status.DeployKey.Fingerprint);
        Assert.Equal(before.Status.ProjectId, after.Status.ProjectId);
    }

    [Fact]
    public async Task A_self_hosted_server_without_known_hosts_is_not_ready_and_says_how_to_fix_it()
    {
        await CreateProjectAsync("erp", "ssh://git@git.acme.example:2222/erp/addons.git", provider: "gitlab");
        var project = await Eventually.Until(() => ReadProjectAsync("erp"),
            p => Conditions.Find(p.Status?.Conditions, ConditionTypes.Ready)?.Reason == "KnownHostsMissing", "Ready=False KnownHostsMissing");
        var ready = Conditions.Find(project.Status!.Conditions, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Contains("ssh-keyscan -p 2222 git.acme.example", ready.Message, StringComparison.Ordinal);
        Assert.Equal($"{OperatorHost.PublicUrl}/api/webhooks/gitlab/{project.Status.ProjectId}", project.Status.Webhook!.Url);
    }

    [Fact]
    public async Task A_url_that_names_no_repository_stalls_with_the_accepted_forms()
    {
        await CreateProjectAsync("erp", "git@github.com:only-a-name");
        var project = await Eventually.Until(() => ReadProjectAsync("erp"),
            p => Conditions.Find(p.Status?.Conditions, ConditionTypes.Ready)?.Reason == "InvalidRepositoryURL", "Ready=False InvalidRepositoryURL");
        Assert.Contains("git@host:owner/repo.git", Conditions.Find(project.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Null(project.Status.Webhook);
    }

    private Task CreateProjectAsync(string name, string url, string? provider = null) =>
        _cluster.CreateFromYamlAsync($"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata:
              name: {name}
            spec:
              repository:
                url: "{url}"
                {(provider is null ? "" : $"provider: {provider}")}
              odoo:
                version: "18.0"
            """, _namespace);

    /// <summary>Connected from oCore's side: secrets, webhook URL and deploy key in place (the repository itself is unreachable from tests).</summary>
    private Task<Project> ReadyProjectAsync(string name) =>
        Eventually.Until(() => ReadProjectAsync(name),
            p => Conditions.IsTrue(p.Status?.Conditions, ConditionTypes.WebhookReady) && Conditions.IsTrue(p.Status?.Conditions, ConditionTypes.DeployKeyReady),
            $"Project {name} is connected");

    private async Task<Project> ReadProjectAsync(string name)
    {
        var obj = await _cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", _namespace, "projects", name);
        return KubernetesJson.Deserialize<Project>(KubernetesJson.Serialize(obj));
    }

    private Task AnnotateAsync(string name, string key, string value) =>
        _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(new { metadata = new { annotations = new Dictionary<string, string> { [key] = value } } }), V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", _namespace, "projects", name);
}
