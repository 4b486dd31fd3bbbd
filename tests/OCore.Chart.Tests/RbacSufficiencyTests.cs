using System.Net.Http.Headers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using OCore.Api.Naming;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Chart.Tests.Support;
using OCore.DevCluster.Workloads;
using OCore.Testing;
using k8s.LeaderElection.ResourceLock;
using k8s.LeaderElection;
using k8s.Models;
using k8s;
using Deployment = OCore.Api.V1Alpha1.Deployment;

namespace OCore.Chart.Tests;

/// <summary>
/// The chart's RBAC is exactly what the services need: the operator and the receiver, each with its chart
/// ServiceAccount's token, run a push to a rolled-out deployment without one 403; without a rule a step fails.
/// </summary>
public sealed class RbacSufficiencyTests : IAsyncLifetime
{
    private const string Digest = "sha256:4f1c2a9e8d7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f";
    private const string OperatorSecretsRule = "  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [get, list, watch, create, update, patch]\n";
    private const string ReceiverDeploymentsRule = "  - apiGroups: [ocore.io]\n    resources: [deployments]\n    verbs: [create]\n";
    private readonly ApiErrors _errors = new();
    private TestCluster _cluster = null!;
    private KubeTools _tools = null!;
    private string _org = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _tools = new KubeTools(_cluster.Server.Kubeconfig);
        await _cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ChartRbac.Namespace } });
        _org = await _cluster.CreateNamespaceAsync();
    }

    public async Task DisposeAsync()
    {
        _tools.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_push_is_deployed_by_both_services_with_the_chart_rbac_and_no_403()
    {
        await using var sshd = new SshServerFixture();
        await sshd.InitializeAsync();
        using var work = new ScratchRepository();
        var bare = sshd.CreateBareRepository();
        var url = sshd.UrlFor(bare);
        await ChartRbac.ApplyAsync(_tools);
        var operatorKubeconfig = ChartRbac.KubeconfigFor(_cluster, _tools, "ocore-operator");
        await ProbeLeaseAsync(operatorKubeconfig);

        _cluster.Server.Workloads.JobPodRunTime = TimeSpan.FromMilliseconds(300);
        await _cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "hooks" },
            Data = new Dictionary<string, byte[]> { ["url"] = "http://127.0.0.1:9/unreachable"u8.ToArray() },
        }, _org);
        await _cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: erp }
            spec:
              repository: { url: "{{url}}", provider: github, knownHosts: "{{sshd.KnownHosts.Trim()}}" }
              odoo: { version: "18.0" }
              pollInterval: 0s   # only the webhook creates the Deployment here (the poller would race it)
              notifications:
                - type: webhook
                  urlSecretRef: { name: hooks, key: url }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: Environment
            metadata: { name: production }
            spec:
              projectRef: { name: erp }
              stage: production
              image: { repository: registry.acme.example/odoo }
              odoo:
                database: { secretRef: { name: db } }
                ingress: { host: erp.acme.example, tlsSecretName: tls }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: BranchMapping
            metadata: { name: main }
            spec:
              projectRef: { name: erp }
              branch: main
              environmentRef: { name: production }
            """, _org);

        using var operatorHost = await ServiceHosts.StartOperatorAsync(operatorKubeconfig, _errors);
        await using var receiver = ServiceHosts.Receiver(ChartRbac.KubeconfigFor(_cluster, _tools, "ocore-receiver"), _errors);
        using var http = receiver.CreateClient();
        try
        {
            var project = await UntilAsync<Project>("projects", "erp", p => Conditions.IsTrue(p?.Status?.Conditions, ConditionTypes.DeployKeyReady) && p!.Status!.ProjectId is not null,
                "the operator connects the project (deploy key, webhook secret, project id)");
            sshd.AuthorizeKey(project.Status!.DeployKey!.PublicKey!);
            work.Write("addons/sale_ext/__manifest__.py", "{'name': 'sale_ext', 'version': '18.0.1.0.0', 'depends': ['sale']}\n");
            var commit = work.Commit("sale_ext");
            work.Git("push", "--quiet", bare, "HEAD:refs/heads/main");
            _cluster.Server.Workloads.ScriptJobs(ObjectNames.ForDeployment("erp", "production", commit),
                new JobScript(true, $"oCore image: registry.acme.example/odoo@{Digest}\n"));

            var secret = await _cluster.Client.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor("erp"), _org);
            var body = $$$"""
                {"ref": "refs/heads/main", "before": "{{{new string('0', 40)}}}", "after": "{{{commit}}}", "created": true, "deleted": false, "forced": false,
                 "repository": {"full_name": "{{{url.FullName}}}"}, "pusher": {"name": "jdoe"}}
                """;
            var answer = await PushWhenKnownAsync(http, project.Status.ProjectId!, secret.Data[WebhookSecretFormat.SecretKey], body);
            Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"the receiver answered {answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");

            var done = await UntilAsync<Deployment>("deployments", ObjectNames.ForDeployment("erp", "production", commit),
                d => d?.Status?.Phase is DeploymentPhase.Succeeded or DeploymentPhase.Failed, "the operator runs the pipeline", TimeSpan.FromSeconds(60));
            Assert.True(done.Status!.Phase == DeploymentPhase.Succeeded, string.Join("\n", done.Status.Steps!.Select(s => $"{s.Name}: {s.State} {s.Message}")));
            Assert.NotEmpty(done.Status.Steps![1].JobRef!);
            await _cluster.Client.BatchV1.ReadNamespacedJobAsync(done.Status.Steps[1].JobRef, _org);
            await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("production-odoo", _org);
            Assert.Single((await _cluster.Client.NetworkingV1.ListNamespacedIngressAsync(_org)).Items);
            await UntilAsync<Project>("projects", "erp", p => p?.Status?.Webhook?.LastDelivery is not null, "the receiver records the delivery in the project's status");
        }
        finally
        {
            await operatorHost.StopAsync();
        }

        Assert.Empty(_errors.Forbidden);
    }

    [Fact]
    public async Task Without_its_secrets_rule_the_operator_cannot_connect_a_project()
    {
        await ChartRbac.ApplyAsync(_tools, yaml => ChartRbac.WithoutRule(yaml, OperatorSecretsRule));
        await _cluster.CreateFromYamlAsync(ProjectYaml.MainToProduction("git@github.com:acme/erp.git", "erp"), _org);

        using var operatorHost = await ServiceHosts.StartOperatorAsync(ChartRbac.KubeconfigFor(_cluster, _tools, "ocore-operator"), _errors);
        try
        {
            await Eventually.Until(() => _errors.Forbidden.Any(f => f.Contains("/secrets", StringComparison.Ordinal)), "the operator is refused Secrets");
            await Task.Delay(TimeSpan.FromSeconds(1));
            var secrets = await _cluster.Client.CoreV1.ListNamespacedSecretAsync(_org);
            Assert.DoesNotContain(secrets.Items, s => s.Metadata.Name == WebhookSecretFormat.NameFor("erp"));
            var project = await ReadAsync<Project>("projects", "erp");
            Assert.False(Conditions.IsTrue(project?.Status?.Conditions, ConditionTypes.DeployKeyReady));
        }
        finally
        {
            await operatorHost.StopAsync();
        }
    }

    [Fact]
    public async Task Without_its_deployments_rule_the_receiver_cannot_queue_a_push()
    {
        await ChartRbac.ApplyAsync(_tools, yaml => ChartRbac.WithoutRule(yaml, ReceiverDeploymentsRule));
        const string ProjectId = "prj0123456789abcdef";
        var webhookSecret = "0f4e6b1c9a7d2e8f"u8.ToArray();
        await _cluster.CreateFromYamlAsync("""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: erp }
            spec:
              repository: { url: "git@github.com:acme/erp.git" }
              odoo: { version: "18.0" }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: Environment
            metadata: { name: production }
            spec:
              projectRef: { name: erp }
              image: { repository: registry.acme.example/odoo }
              odoo: { database: { secretRef: { name: db } } }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: BranchMapping
            metadata: { name: main }
            spec:
              projectRef: { name: erp }
              branch: main
              environmentRef: { name: production }
            """, _org);
        // What the operator does for a new project: the webhook Secret and the project id in status.
        await _cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = WebhookSecretFormat.NameFor("erp"),
                Labels = new Dictionary<string, string> { [Labels.ManagedBy] = Labels.ManagedByValue },
                Annotations = new Dictionary<string, string> { [WebhookSecretFormat.ProjectIdAnnotation] = ProjectId },
            },
            Data = new Dictionary<string, byte[]> { [WebhookSecretFormat.SecretKey] = webhookSecret },
        }, _org);
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(KubernetesJson.Serialize(new { status = new { projectId = ProjectId, provider = "github" } }), V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", _org, "projects", "erp");

        await using var receiver = ServiceHosts.Receiver(ChartRbac.KubeconfigFor(_cluster, _tools, "ocore-receiver"), _errors);
        using var http = receiver.CreateClient();
        var commit = new string('a', 40);
        var body = $$$"""{"ref": "refs/heads/main", "before": "{{{new string('b', 40)}}}", "after": "{{{commit}}}", "repository": {"full_name": "acme/erp"}}""";
        var answer = await PushWhenKnownAsync(http, ProjectId, webhookSecret, body);

        Assert.NotEqual(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains(_errors.Forbidden, f => f.StartsWith("receiver: POST", StringComparison.Ordinal) && f.Contains("/deployments", StringComparison.Ordinal));
        Assert.Null(await ReadAsync<Deployment>("deployments", ObjectNames.ForDeployment("erp", "production", commit)));
    }

    /// <summary>What the elector does with the Lease (create, get, update), as the operator's ServiceAccount.</summary>
    private async Task ProbeLeaseAsync(string kubeconfig)
    {
        using var client = ServiceHosts.Client(kubeconfig, _errors, "operator");
        var lease = new LeaseLock(client, ChartRbac.Namespace, "ocore-operator", "probe");
        var now = DateTime.UtcNow;
        Assert.True(await lease.CreateAsync(new LeaderElectionRecord { HolderIdentity = "probe", LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now }, CancellationToken.None));
        var record = await lease.GetAsync(CancellationToken.None);
        Assert.Equal("probe", record.HolderIdentity);
        Assert.True(await lease.UpdateAsync(new LeaderElectionRecord { HolderIdentity = "", LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now }, CancellationToken.None));
    }

    /// <summary>
    /// Waits until the receiver serves (caches synced), then pushes; a project not yet in the caches (404, or 401 as for a bad signature) is tried again a few
    /// times, slowly, since the receiver rate-limits deliveries per project.
    /// </summary>
    private static async Task<HttpResponseMessage> PushWhenKnownAsync(HttpClient http, string projectId, byte[] secret, string body)
    {
        await Eventually.Until(async () => (await http.GetAsync("/readyz")).StatusCode, code => code == HttpStatusCode.OK, "the receiver is ready");
        for (var attempt = 1; ; attempt++)
        {
            var answer = await PushAsync(http, projectId, secret, body);
            if (answer.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Unauthorized) || attempt == 10)
                return answer;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<HttpResponseMessage> PushAsync(HttpClient http, string projectId, byte[] secret, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/github/{projectId}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, bytes)));
        return await http.SendAsync(request);
    }

    private Task<T?> ReadAsync<T>(string plural, string name)
        where T : class => _cluster.ReadAsync<T>(_org, plural, name);

    private async Task<T> UntilAsync<T>(string plural, string name, Func<T?, bool> condition, string message, TimeSpan? timeout = null)
        where T : class =>
        (await Eventually.Until(() => ReadAsync<T>(plural, name), condition, $"{message}; 403s: {string.Join("; ", _errors.Forbidden)}", timeout ?? TimeSpan.FromSeconds(30)))!;
}
