using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OCore.Api.Git;
using OCore.Api.Secrets;
using OCore.Api.Serialization;
using OCore.Cli.Dev;
using OCore.Testing;

namespace OCore.Dashboard.Tests.Support;

/// <summary>
/// `ocore dev` for the browser tests, with what a person would have around it: a real sshd serving the project's
/// git repository (so Prepare can read it with the deploy key), the organization acme with production and staging
/// environments, the GitHub App Secret, and people: alice (manage projects and org settings, may read Secrets) and
/// victor (view only), each a ServiceAccount with a TokenRequest token.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Namespace = "acme";
    public const string AppSlug = "ocore-test";
    public const long InstallationId = 12345678;

    private readonly ScratchRepository _work = new();
    private string _directory = "";

    public SshServerFixture Sshd { get; } = new();

    public DevSandbox Sandbox { get; private set; } = null!;

    public Kubernetes Admin { get; private set; } = null!;

    public string KubeconfigPath { get; private set; } = "";

    public string BareRepository { get; private set; } = "";

    public RepositoryUrl RepositoryUrl { get; private set; } = null!;

    public string AliceToken { get; private set; } = "";

    public string VictorToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Sshd.InitializeAsync();
        BareRepository = Sshd.CreateBareRepository();
        RepositoryUrl = Sshd.UrlFor(BareRepository);
        _directory = Directory.CreateTempSubdirectory("ocore-dashboard-test-").FullName;
        KubeconfigPath = Path.Combine(_directory, "kubeconfig");
        Sandbox = await DevSandbox.StartAsync(new DevSandboxOptions { KubeconfigPath = KubeconfigPath, ReceiverPort = 0 }, CancellationToken.None);
        Admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        await CreateAsync(Environments("erp") + "\n---\n" + Environments("shop") + "\n" + $$"""
            ---
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: shop }
            spec:
              repository: { url: "git@github.com:acme/shop.git", branch: main }
              odoo: { version: "18.0" }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: GitHubInstallation
            metadata: { name: acme-corp }
            spec: { installationId: {{InstallationId}} }
            """);
        await CreateAppSecretAsync();
        AliceToken = await PersonAsync("alice", "ocore-manage-projects", "ocore-manage-org-settings", "secret-reader");
        VictorToken = await PersonAsync("victor", "ocore-view-projects");
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Sandbox.DisposeAsync();
        await Sshd.DisposeAsync();
        _work.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A commit with an Odoo module on <paramref name="branch"/> of the served repository; returns its id.</summary>
    public string PushCommit(string branch)
    {
        _work.Write("addons/sale_ext/__manifest__.py", "{'name': 'sale_ext', 'version': '18.0.1.0.0', 'depends': ['sale']}\n");
        _work.Write("addons/sale_ext/models/sale.py", $"# {branch}\n");
        var commit = _work.Commit($"sale_ext on {branch}");
        _work.Git("push", "--quiet", "--force", BareRepository, $"HEAD:refs/heads/{branch}");
        return commit;
    }

    /// <summary>The provider's side of a push: a GitHub push webhook signed with the Project's secret.</summary>
    public async Task<HttpResponseMessage> SendSignedPushAsync(string webhookUrl, string project, string branch, string commit)
    {
        var secret = (await Admin.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor(project), Namespace)).Data[WebhookSecretFormat.SecretKey];
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["ref"] = $"refs/heads/{branch}",
            ["before"] = new string('0', 40),
            ["after"] = commit,
            ["created"] = true,
            ["deleted"] = false,
            ["forced"] = false,
            ["repository"] = new JsonObject { ["full_name"] = RepositoryUrl.FullName },
            ["pusher"] = new JsonObject { ["name"] = "alice" },
        }.ToJsonString());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
        return await http.SendAsync(request);
    }

    public async Task<JsonObject> ReadAsync(string plural, string name) =>
        JsonNode.Parse(KubernetesJson.Serialize(await Admin.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", Namespace, plural, name)))!.AsObject();

    public async Task<IReadOnlyList<JsonObject>> ListAsync(string plural) =>
        JsonNode.Parse(KubernetesJson.Serialize(await Admin.CustomObjects.ListNamespacedCustomObjectAsync("ocore.io", "v1alpha1", Namespace, plural)))!["items"]!
            .AsArray().Select(i => i!.AsObject()).ToList();

    private static string Environments(string project) => $$"""
        apiVersion: ocore.io/v1alpha1
        kind: Environment
        metadata: { name: {{project}}-production }
        spec:
          projectRef: { name: {{project}} }
          stage: production
          image: { repository: registry.acme.example/odoo/{{project}} }
          odoo:
            replicas: 1
            workers: 2
            database: { secretRef: { name: {{project}}-db } }
            ingress: { host: {{project}}.acme.example }
        ---
        apiVersion: ocore.io/v1alpha1
        kind: Environment
        metadata: { name: {{project}}-staging }
        spec:
          projectRef: { name: {{project}} }
          stage: staging
          image: { repository: registry.acme.example/odoo/{{project}} }
          odoo:
            replicas: 1
            workers: 2
            database: { secretRef: { name: {{project}}-db } }
            ingress: { host: staging.{{project}}.acme.example }
        """;

    private async Task CreateAsync(string yaml)
    {
        foreach (var document in JsonYaml.ReadDocuments(yaml))
        {
            document["metadata"]!["namespace"] = Namespace;
            var plural = document["kind"]!.GetValue<string>().ToLowerInvariant() + "s";
            await Admin.CustomObjects.CreateNamespacedCustomObjectAsync(document, "ocore.io", "v1alpha1", Namespace, plural);
        }
    }

    /// <summary>The App Secret the chart would mount: a webhook secret (it also keys the install state) and the App's slug.</summary>
    private async Task CreateAppSecretAsync()
    {
        try
        {
            await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = DevSandbox.SystemNamespace } });
        }
        catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // The sandbox made it already.
        }

        await Admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = DevSandbox.GitHubAppSecretName },
            Data = new Dictionary<string, byte[]>
            {
                [GitHubAppSecretFormat.WebhookSecretKey] = Encoding.UTF8.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
                [GitHubAppSecretFormat.SlugKey] = Encoding.UTF8.GetBytes(AppSlug),
                [GitHubAppSecretFormat.AppIdKey] = "424242"u8.ToArray(),
            },
        }, DevSandbox.SystemNamespace);
    }

    /// <summary>A ServiceAccount with <paramref name="roles"/> bound in acme; returns a token for it.</summary>
    private async Task<string> PersonAsync(string name, params string[] roles)
    {
        await Admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = name } }, Namespace);
        foreach (var role in roles)
        {
            var clusterRole = role == "secret-reader" ? await SecretReaderAsync() : role;
            await Admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = $"{name}-{role}" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = clusterRole },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = name, NamespaceProperty = Namespace }],
            }, Namespace);
        }

        var request = await Admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, name, Namespace);
        return request.Status.Token;
    }

    /// <summary>Reading Secrets is not in oCore's roles (edit and admin have it); alice gets it to reveal the webhook secret.</summary>
    private async Task<string> SecretReaderAsync()
    {
        const string name = "dashboard-test-secret-reader";
        if ((await Admin.RbacAuthorizationV1.ListClusterRoleAsync()).Items.All(r => r.Metadata.Name != name))
        {
            await Admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
            {
                Metadata = new V1ObjectMeta { Name = name },
                Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get"] }],
            });
        }

        return name;
    }
}
