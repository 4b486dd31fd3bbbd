using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OCore.Api.Secrets;
using OCore.Api.Serialization;
using OCore.Cli.Dev;
using OCore.Testing;

namespace OCore.Cli.Tests.Support;

/// <summary>
/// One `ocore dev` sandbox (DevCluster, CRDs and user roles, operator, public service) for a test class, with helpers to make people: a ServiceAccount per person, bound to the
/// chart's user roles in one namespace, and a token from the TokenRequest API (as `kubectl create token` gets one).
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private string _directory = "";

    public DevSandbox Sandbox { get; private set; } = null!;

    public Kubernetes Admin { get; private set; } = null!;

    /// <summary>Test helpers (namespaces, YAML, reads) over the sandbox's DevCluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    public string KubeconfigPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("ocore-sandbox-test-").FullName;
        KubeconfigPath = Path.Combine(_directory, "kubeconfig");
        Sandbox = await DevSandbox.StartAsync(new DevSandboxOptions { KubeconfigPath = KubeconfigPath, ReceiverPort = 0 }, CancellationToken.None);
        Admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
        Cluster = TestCluster.Attach(Sandbox.Cluster);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Cluster.DisposeAsync();
        await Sandbox.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public async Task<string> CreateNamespaceAsync()
    {
        var name = $"org-{Guid.NewGuid().ToString("N")[..8]}";
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>A person with <paramref name="clusterRoles"/> bound in <paramref name="namespace"/>; returns their token.</summary>
    public async Task<string> PersonAsync(string @namespace, string name, params string[] clusterRoles)
    {
        await Admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = name } }, @namespace);
        foreach (var role in clusterRoles)
        {
            await Admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = $"{name}-{role}" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = name, NamespaceProperty = @namespace }],
            }, @namespace);
        }

        var request = await Admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, name, @namespace);
        return request.Status.Token;
    }

    /// <summary>The GitHub App Secret where the sandbox's services look for it (as the chart's githubApp.secretName).</summary>
    public async Task CreateGitHubAppSecretAsync(string webhookSecret, string slug)
    {
        await IgnoreConflictAsync(() => Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = DevSandbox.SystemNamespace } }));
        await IgnoreConflictAsync(() => Admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = DevSandbox.GitHubAppSecretName },
            StringData = new Dictionary<string, string>
            {
                [GitHubAppSecretFormat.AppIdKey] = "4242",
                [GitHubAppSecretFormat.SlugKey] = slug,
                [GitHubAppSecretFormat.WebhookSecretKey] = webhookSecret,
            },
        }, DevSandbox.SystemNamespace));
    }

    /// <summary>Creates something the class's tests share; the first test to need it makes it.</summary>
    public static async Task IgnoreConflictAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
        }
        catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Already made.
        }
    }

    /// <summary>Creates oCore resources from YAML as an administrator would with kubectl create.</summary>
    public async Task CreateAsync(string yaml, string @namespace)
    {
        foreach (var document in JsonYaml.ReadDocuments(yaml))
        {
            document["metadata"]!["namespace"] = @namespace;
            var plural = document["kind"]!.GetValue<string>().ToLowerInvariant() + "s";
            await Admin.CustomObjects.CreateNamespacedCustomObjectAsync(document, "ocore.io", "v1alpha1", @namespace, plural);
        }
    }

    public async Task<JsonObject> ReadAsync(string @namespace, string plural, string name) =>
        JsonNode.Parse(KubernetesJson.Serialize(await Admin.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", @namespace, plural, name)))!.AsObject();
}
