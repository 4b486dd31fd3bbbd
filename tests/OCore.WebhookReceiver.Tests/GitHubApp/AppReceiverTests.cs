using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OCore.Api.GitHubApp;
using OCore.Api.Naming;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using Microsoft.Extensions.DependencyInjection;
using OCore.Testing;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.GitHubApp;

/// <summary>The install callback and the App webhook, on the running receiver against a test cluster.</summary>
public sealed class AppReceiverTests : IAsyncLifetime
{
    private const string AppSecret = "app-webhook-secret";
    private const string SecretName = "ocore-github-app";
    private const long InstallationId = 42;
    private const string MainCommit = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static readonly byte[] StateKey = InstallState.KeyFromSecret(AppSecret);

    private TestCluster _cluster = null!;
    private AppReceiverFactory _receiver = null!;
    private HttpClient _client = null!;
    private string _namespace = "";
    private string _unlinked = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = AppReceiverFactory.SystemNamespace } });
        await _cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = SecretName },
            StringData = new Dictionary<string, string> { [GitHubAppSecretFormat.WebhookSecretKey] = AppSecret },
        }, AppReceiverFactory.SystemNamespace);
        _namespace = await _cluster.CreateNamespaceAsync();
        _unlinked = await _cluster.CreateNamespaceAsync();
        await ConnectedProjectAsync(_namespace, linked: true);
        await ConnectedProjectAsync(_unlinked, linked: false);

        _receiver = new AppReceiverFactory(_cluster.KubeconfigPath, SecretName);
        _client = _receiver.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _receiver.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task The_callback_links_an_installation_only_with_a_valid_unexpired_state()
    {
        var valid = await _client.GetAsync($"/api/github-app/callback?installation_id=777&setup_action=install&state={Uri.EscapeDataString(Mint(_namespace, 10))}");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var body = await valid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("linked", "gh-777"), (body.GetProperty("status").GetString(), body.GetProperty("installation").GetString()));
        var created = await ReadAsync<GitHubInstallation>(_namespace, "gh-777");
        Assert.Equal(777, created!.Spec.InstallationId);
        Assert.True(created.Metadata.Annotations.ContainsKey(InstallationAnnotations.Refresh));
        // The operator uses only installations linked this way: the proof binds the id to this namespace.
        Assert.True(InstallState.IsLinkProof(StateKey, _namespace, 777, created.Metadata.Annotations[InstallationAnnotations.LinkProof]));
        Assert.False(InstallState.IsLinkProof(StateKey, _unlinked, 777, created.Metadata.Annotations[InstallationAnnotations.LinkProof]));

        // Altered: another namespace in the payload, the old signature.
        var parts = Mint(_namespace, 10).Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace(_namespace, _unlinked, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        var refused = await _client.GetAsync($"/api/github-app/callback?installation_id=778&state={Uri.EscapeDataString(tampered)}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not signed by this oCore", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var expired = await _client.GetAsync($"/api/github-app/callback?installation_id=779&state={Uri.EscapeDataString(Mint(_namespace, -1))}");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A browser gets a page, with the message encoded.
        using var html = new HttpRequestMessage(HttpMethod.Get, "/api/github-app/callback?installation_id=abc&state=x");
        html.Headers.Accept.ParseAdd("text/html");
        var page = await _client.SendAsync(html);
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (page.StatusCode, page.Content.Headers.ContentType!.MediaType));

        Assert.Null(await ReadAsync<GitHubInstallation>(_unlinked, "gh-778"));
        Assert.Null(await ReadAsync<GitHubInstallation>(_namespace, "gh-778"));
        Assert.Null(await ReadAsync<GitHubInstallation>(_namespace, "gh-779"));
    }

    [Fact]
    public async Task An_install_link_links_one_installation_only()
    {
        var state = Uri.EscapeDataString(Mint(_namespace, 10));
        var first = await _client.GetAsync($"/api/github-app/callback?installation_id=901&state={state}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(await Eventually.Until(() => Task.FromResult(_receiver.Services.GetRequiredService<ClusterCaches>().Installations.Get(_namespace, "gh-901")),
            i => i is not null, "the receiver's cache sees the linked installation"));

        // GitHub redirecting twice for the same installation is harmless; the same link for another account is not.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/github-app/callback?installation_id=901&state={state}")).StatusCode);
        var reused = await _client.GetAsync($"/api/github-app/callback?installation_id=902&state={state}");
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("used already (for installation 901)", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await ReadAsync<GitHubInstallation>(_namespace, "gh-902"));
    }

    [Fact]
    public async Task Without_the_App_Secret_the_App_endpoints_answer_404()
    {
        await using var unconfigured = new AppReceiverFactory(_cluster.KubeconfigPath, secretName: null);
        using var client = unconfigured.CreateClient();
        var callback = await client.GetAsync($"/api/github-app/callback?installation_id=777&state={Uri.EscapeDataString(Mint(_namespace, 10))}");
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        var webhook = await client.SendAsync(AppDelivery("ping", "ping-1", new JsonObject { ["zen"] = "hi" }, AppSecret));
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        Assert.Contains("GitHub App not configured", await webhook.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await ReadAsync<GitHubInstallation>(_namespace, "gh-777"));
    }

    [Fact]
    public async Task Installation_events_mark_the_linked_installations_for_the_operator()
    {
        var forged = await _client.SendAsync(AppDelivery("installation", "forged-1", InstallationEvent("deleted"), "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        await Eventually.Until(async () => (await _client.SendAsync(AppDelivery("installation", "suspend-1", InstallationEvent("suspend"), AppSecret))).StatusCode,
            code => code == HttpStatusCode.Accepted, "the receiver knows the linked installation");
        var suspended = await ReadAsync<GitHubInstallation>(_namespace, "acme");
        Assert.Equal("suspend-1", suspended!.Metadata.Annotations[InstallationAnnotations.Refresh]);

        var renamed = await _client.SendAsync(AppDelivery("installation_target", "renamed-1", InstallationEvent("renamed"), AppSecret));
        Assert.Equal(HttpStatusCode.Accepted, renamed.StatusCode);
        Assert.Equal("renamed-1", (await ReadAsync<GitHubInstallation>(_namespace, "acme"))!.Metadata.Annotations[InstallationAnnotations.Refresh]);

        var deleted = await _client.SendAsync(AppDelivery("installation", "deleted-1", InstallationEvent("deleted"), AppSecret));
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        var unlinked = await ReadAsync<GitHubInstallation>(_namespace, "acme");
        Assert.Equal((true, false), (unlinked!.Spec.Unlinked, unlinked.Status?.Verified));

        var unknown = await _client.SendAsync(AppDelivery("installation", "other-1", InstallationEvent("created", 9999), AppSecret));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task An_app_push_deploys_the_matching_project_of_linked_organizations_once()
    {
        var push = AppPush("acme/odoo-custom");
        var answer = await Eventually.Until(async () => await Answer.ReadAsync(await _client.SendAsync(AppDelivery("push", "app-push-1", push, AppSecret))),
            a => a.StatusCode == HttpStatusCode.Accepted, "the push is routed to the project");
        var name = ObjectNames.ForDeployment("odoo-custom", "production", MainCommit);
        Assert.Equal(name, answer.Body.GetProperty("deployments")[0].GetProperty("name").GetString());
        Assert.Contains($"{_namespace}/odoo-custom", answer.Message, StringComparison.Ordinal);
        var deployment = await ReadAsync<Deployment>(_namespace, name, "deployments");
        Assert.Equal(("main", MainCommit, "app-push-1"), (deployment!.Spec.Branch, deployment.Spec.Commit, deployment.Spec.Trigger!.DeliveryId));
        // The same repository in an organization not linked to the installation gets nothing.
        Assert.Null(await ReadAsync<Deployment>(_unlinked, name, "deployments"));

        var again = await Answer.ReadAsync(await _client.SendAsync(AppDelivery("push", "app-push-1", push, AppSecret)));
        Assert.Equal((HttpStatusCode.OK, "duplicate"), (again.StatusCode, again.Status));

        var other = await Answer.ReadAsync(await _client.SendAsync(AppDelivery("push", "app-push-2", AppPush("acme/unknown"), AppSecret)));
        Assert.Equal((HttpStatusCode.OK, "ignored"), (other.StatusCode, other.Status));
        Assert.Contains("no project", other.Message, StringComparison.Ordinal);
    }

    private static string Mint(string ns, int minutes) => InstallState.Mint(StateKey, ns, DateTimeOffset.UtcNow.AddMinutes(minutes));

    private static JsonObject InstallationEvent(string action, long id = InstallationId) => new()
    {
        ["action"] = action,
        ["installation"] = new JsonObject { ["id"] = id, ["account"] = new JsonObject { ["login"] = "acme", ["type"] = "Organization" } },
    };

    private static JsonObject AppPush(string fullName)
    {
        var push = JsonNode.Parse(Payloads.Read("github-push.json"))!.AsObject();
        push["repository"]!["full_name"] = fullName;
        push["installation"] = new JsonObject { ["id"] = InstallationId };
        return push;
    }

    private static HttpRequestMessage AppDelivery(string eventName, string deliveryId, JsonObject payload, string secret)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/github-app") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("X-Hub-Signature-256", WebhookRequest.Signature(secret, body));
        return request;
    }

    /// <summary>A project as the operator leaves it (webhook Secret, status), its mapping and environment, and (when linked) installation 42.</summary>
    private async Task ConnectedProjectAsync(string ns, bool linked)
    {
        await _cluster.CreateFromYamlAsync(ProjectYaml.MainToProduction("git@github.com:Acme/odoo-custom.git"), ns);
        if (linked)
        {
            await _cluster.CreateFromYamlAsync($$"""
                apiVersion: ocore.io/v1alpha1
                kind: GitHubInstallation
                metadata: { name: acme }
                spec: { installationId: {{InstallationId}} }
                """, ns);
        }

        var projectId = ProjectIds.New();
        await _cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = WebhookSecretFormat.NameFor("odoo-custom"),
                Labels = new Dictionary<string, string> { [Labels.ManagedBy] = Labels.ManagedByValue },
                Annotations = new Dictionary<string, string> { [WebhookSecretFormat.ProjectIdAnnotation] = projectId },
            },
            Data = new Dictionary<string, byte[]> { [WebhookSecretFormat.SecretKey] = Encoding.UTF8.GetBytes("per-project-secret") },
        }, ns);
        var patch = KubernetesJson.Serialize(new { status = new { projectId, provider = "github" } });
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", ns, "projects", "odoo-custom");
    }

    private Task<T?> ReadAsync<T>(string ns, string name, string plural = "githubinstallations")
        where T : class => _cluster.ReadAsync<T>(ns, plural, name);
}
