using System.Text;
using OCore.Api.GitHubApp;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Operator.Tests.Support;
using OCore.Testing;
using OCore.Testing.FakeGitHub;
using k8s;
using k8s.Models;

namespace OCore.Operator.Tests.GitHubApp;

/// <summary>A test cluster, a loopback fake GitHub, the App Secret pointing at it, and the operator configured with it.</summary>
internal sealed class AppOperator : IAsyncDisposable
{
    public const string SystemNamespace = "ocore-system";
    public const string SecretName = "ocore-github-app";

    private AppOperator(TestCluster cluster, FakeGitHubServer gitHub, OperatorHost host, string @namespace)
    {
        Cluster = cluster;
        GitHub = gitHub;
        Host = host;
        Resources = new Resources(cluster, @namespace);
    }

    public TestCluster Cluster { get; }

    public FakeGitHubServer GitHub { get; }

    public OperatorHost Host { get; }

    public Resources Resources { get; }

    public string Namespace => Resources.Namespace;

    /// <param name="configureApp">False: the operator runs without Operator:GitHubApp:SecretName.</param>
    /// <param name="setUp">Runs before the operator starts (fake installations, canned answers).</param>
    public static async Task<AppOperator> StartAsync(bool configureApp = true, Action<FakeGitHubServer>? setUp = null)
    {
        var cluster = await TestCluster.StartAsync();
        var gitHub = await FakeGitHubServer.StartAsync(TimeProvider.System);
        setUp?.Invoke(gitHub);
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = SystemNamespace } });
        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = SecretName },
            StringData = new Dictionary<string, string>
            {
                [GitHubAppSecretFormat.AppIdKey] = FakeGitHubServer.AppId,
                [GitHubAppSecretFormat.PrivateKeyKey] = TestKeys.AppPrivateKeyPem,
                [GitHubAppSecretFormat.WebhookSecretKey] = AppWebhookSecret,
                [GitHubAppSecretFormat.SlugKey] = "ocore-test",
                [GitHubAppSecretFormat.ApiUrlKey] = gitHub.BaseUrl.AbsoluteUri,
            },
        }, SystemNamespace);
        var settings = new Dictionary<string, string?> { ["Operator:GitHubApp:RetryInterval"] = "00:00:02" };
        if (configureApp)
        {
            settings["Operator:GitHubApp:SecretName"] = SecretName;
            settings["Operator:GitHubApp:SecretNamespace"] = SystemNamespace;
        }

        var host = await OperatorHost.StartAsync(cluster, settings);
        return new AppOperator(cluster, gitHub, host, ns);
    }

    public const string AppWebhookSecret = "app-webhook-secret";

    /// <summary>A GitHubInstallation as the install callback links it (with its link proof), or without the proof.</summary>
    public Task CreateInstallationAsync(string name, long installationId, bool linkedThroughInstallFlow = true)
    {
        var proof = linkedThroughInstallFlow
            ? $"annotations: {{ \"{InstallationAnnotations.LinkProof}\": \"{InstallState.LinkProof(InstallState.KeyFromSecret(AppWebhookSecret), Namespace, installationId)}\" }}"
            : "";
        return Cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: GitHubInstallation
            metadata:
              name: {{name}}
              {{proof}}
            spec: { installationId: {{installationId}} }
            """, Namespace);
    }

    public Task<GitHubInstallation> InstallationUntilAsync(string name, Func<GitHubInstallation, bool> condition, string message) =>
        Resources.UntilAsync("githubinstallations", name, condition, message);

    public Task<Project> ProjectUntilAsync(string name, Func<Project, bool> condition, string message) =>
        Resources.UntilAsync("projects", name, condition, message);

    public Task<Project> RoutedAsync(string name) =>
        ProjectUntilAsync(name, p => Conditions.IsTrue(p.Status?.Conditions, ConditionTypes.GitHubAppRouted), $"Project {name} is routed to an installation");

    public Task<Project> InstalledByAppAsync(string name) =>
        ProjectUntilAsync(name, p => Condition(p, ConditionTypes.DeployKeyReady)?.Reason == "InstalledByGitHubApp"
            && Condition(p, ConditionTypes.WebhookReady)?.Reason == "InstalledByGitHubApp", $"the App installs the deploy key and webhook of {name}");

    public async Task<string> WebhookSecretAsync(string project)
    {
        var secret = await Cluster.Client.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor(project), Namespace);
        return Encoding.UTF8.GetString(secret.Data[WebhookSecretFormat.SecretKey]);
    }

    public static Condition? Condition(Project project, string type) => Conditions.Find(project.Status?.Conditions, type);

    /// <summary>
    /// Ready, as far as these tests can tell: they cannot reach github.com over SSH, so the poller's RepositoryAccessible
    /// is False; Ready must then be blocked by that condition alone, never by the App's.
    /// </summary>
    public static bool IsReadyApartFromReachability(Project project)
    {
        var ready = Condition(project, ConditionTypes.Ready);
        var accessible = Condition(project, ConditionTypes.RepositoryAccessible);
        return ready?.Status == ConditionStatus.True
            || (ready is not null && accessible?.Status == ConditionStatus.False && ready.Reason == accessible.Reason && ready.Message == accessible.Message);
    }

    public static Condition? Condition(GitHubInstallation installation, string type) => Conditions.Find(installation.Status?.Conditions, type);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await GitHub.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
