using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Testing;
using OCore.WebhookReceiver.Tests.Support;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.WebhookReceiver.Tests.Cluster;

/// <summary>Signed pushes to the running receiver, deciding from watch caches and writing to a Kubernetes API.</summary>
public sealed class ClusterReceiverTests : IAsyncLifetime
{
    private const string Secret = "0f4e6b1c9a7d2e8f";
    private const string MainCommit = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private readonly string _projectId = ProjectIds.New();
    private TestCluster _cluster = null!;
    private ClusterReceiverFactory _receiver = null!;
    private HttpClient _client = null!;
    private string _namespace = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _namespace = await _cluster.CreateNamespaceAsync();
        await _cluster.CreateFromYamlAsync(ProjectYaml.MainToProduction("git@github.com:acme/odoo-custom.git"), _namespace);
        await _cluster.CreateFromYamlAsync("""
            apiVersion: ocore.io/v1alpha1
            kind: BranchMapping
            metadata: { name: features }
            spec:
              projectRef: { name: odoo-custom }
              branch: "feature/*"
              environmentTemplate:
                image: { repository: registry.acme.example/odoo }
                odoo: { database: { secretRef: { name: db } } }
            """, _namespace);
        await ConnectProjectAsync();

        _receiver = new ClusterReceiverFactory(_cluster.KubeconfigPath);
        _client = _receiver.CreateClient();
        // Ready once the caches know the project: a ping then verifies.
        await Eventually.Until(async () => (await Ping()).StatusCode, code => code == HttpStatusCode.OK, "the receiver knows the project");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _receiver.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_push_creates_the_deployment_and_a_redelivery_or_bad_signature_creates_none()
    {
        var answer = await Push("github-push.json", "delivery-1").Sign(Secret).SendAsync(_client);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);

        var name = ObjectNames.ForDeployment("odoo-custom", "production", MainCommit);
        var deployment = await ReadAsync<Deployment>("deployments", name);
        Assert.NotNull(deployment);
        Assert.Equal(("main", MainCommit, "production"), (deployment!.Spec.Branch, deployment.Spec.Commit, deployment.Spec.EnvironmentRef.Name));
        Assert.Equal((TriggerSource.Webhook, "delivery-1"), (deployment.Spec.Trigger!.Source, deployment.Spec.Trigger.DeliveryId));
        Assert.Equal("odoo-custom", deployment.Metadata.Labels[Labels.Project]);
        Assert.Equal("main", deployment.Metadata.Labels[Labels.BranchMapping]);
        Assert.Equal(name, answer.Body.GetProperty("deployments")[0].GetProperty("name").GetString());

        var again = await Push("github-push.json", "delivery-1").Sign(Secret).SendAsync(_client);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", again.Status);

        var forged = await Push("github-push.json", "delivery-2").Sign("not-the-secret").SendAsync(_client);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Single(await ListDeploymentsAsync());

        var project = await Eventually.Until(() => ReadAsync<Project>("projects", "odoo-custom"),
            p => p?.Status?.Webhook?.LastDelivery?.Id == "delivery-1" && p.Status.Webhook.LastDelivery.Result!.StartsWith("200", StringComparison.Ordinal),
            "the last verified delivery (the redelivery) is in the status");
        Assert.Equal("push", project!.Status!.Webhook!.LastDelivery!.Event);
    }

    [Fact]
    public async Task Deleting_a_feature_branch_marks_its_environment_and_never_touches_a_fixed_one()
    {
        var envName = ObjectNames.ForBranchEnvironment("features", "feature/invoice-layout");
        await _cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Environment
            metadata: { name: {{envName}} }
            spec:
              projectRef: { name: odoo-custom }
              image: { repository: registry.acme.example/odoo }
              odoo: { database: { secretRef: { name: db } } }
            """, _namespace);
        await Eventually.Until(async () => (await Push("github-branch-delete.json", $"probe-{Guid.NewGuid():N}").Sign(Secret).SendAsync(_client)).StatusCode,
            code => code == HttpStatusCode.Accepted, "the receiver sees the per-branch environment and requests its teardown");

        var environment = await ReadAsync<Environment>("environments", envName);
        Assert.True(environment!.Metadata.Annotations.ContainsKey(Annotations.BranchDeleted));
        Assert.Empty(await ListDeploymentsAsync());
        var production = await ReadAsync<Environment>("environments", "production");
        Assert.False(production!.Metadata.Annotations?.ContainsKey(Annotations.BranchDeleted) ?? false);
    }

    [Fact]
    public async Task A_tag_push_and_an_unmapped_branch_create_nothing()
    {
        var tag = await Push("github-tag-push.json", "tag-1").Sign(Secret).SendAsync(_client);
        Assert.Equal((HttpStatusCode.OK, "ignored"), (tag.StatusCode, tag.Status));

        var unmapped = Encoding.UTF8.GetString(Payloads.Read("github-push.json")).Replace("refs/heads/main", "refs/heads/experiment", StringComparison.Ordinal);
        var answer = await WebhookRequest.GitHub("push", "unmapped-1", _projectId).Body(unmapped).Sign(Secret).SendAsync(_client);
        Assert.Equal((HttpStatusCode.OK, "ignored"), (answer.StatusCode, answer.Status));
        Assert.Contains("branch 'experiment' has no mapping", answer.Message, StringComparison.Ordinal);
        Assert.Empty(await ListDeploymentsAsync());
    }

    private WebhookRequest Push(string payload, string deliveryId) => WebhookRequest.GitHub("push", deliveryId, _projectId).Payload(payload);

    private Task<Answer> Ping() => WebhookRequest.GitHub("ping", $"ping-{Guid.NewGuid():N}", _projectId).Payload("github-ping.json").Sign(Secret).SendAsync(_client);

    /// <summary>What the operator does for a new Project: the webhook Secret and the status the receiver reads.</summary>
    private async Task ConnectProjectAsync()
    {
        await _cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = WebhookSecretFormat.NameFor("odoo-custom"),
                Labels = new Dictionary<string, string> { [Labels.ManagedBy] = Labels.ManagedByValue },
                Annotations = new Dictionary<string, string> { [WebhookSecretFormat.ProjectIdAnnotation] = _projectId },
            },
            Data = new Dictionary<string, byte[]> { [WebhookSecretFormat.SecretKey] = Encoding.UTF8.GetBytes(Secret) },
        }, _namespace);
        var patch = KubernetesJson.Serialize(new { status = new { projectId = _projectId, provider = "github" } });
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", _namespace, "projects", "odoo-custom");
    }

    private Task<T?> ReadAsync<T>(string plural, string name)
        where T : class => _cluster.ReadAsync<T>(_namespace, plural, name);

    private Task<List<string>> ListDeploymentsAsync() => _cluster.ListNamesAsync(_namespace, "deployments");
}
