using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.Testing;

namespace OCore.Operator.Tests.Support;

/// <summary>Reads and writes oCore resources in one namespace of a test cluster, as a user or the receiver would.</summary>
internal sealed class Resources(TestCluster cluster, string @namespace)
{
    public string Namespace => @namespace;

    public Task CreateProjectAsync(string name, string url = "git@github.com:acme/odoo.git") =>
        cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: {{name}} }
            spec:
              repository: { url: "{{url}}" }
              odoo: { version: "18.0" }
            """, @namespace);

    public Task CreateEnvironmentAsync(string name, string project, string? host = null)
    {
        var ingress = host is null ? "" : "ingress: { host: " + host + ", tlsSecretName: tls }";
        return cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Environment
            metadata: { name: {{name}} }
            spec:
              projectRef: { name: {{project}} }
              stage: production
              image: { repository: registry.acme.example/odoo }
              odoo:
                database: { secretRef: { name: db } }
                {{ingress}}
            """, @namespace);
    }

    public Task CreateMappingAsync(string name, string project, string branch, string? environment) =>
        cluster.CreateFromYamlAsync(environment is not null
            ? $$"""
              apiVersion: ocore.io/v1alpha1
              kind: BranchMapping
              metadata: { name: {{name}} }
              spec:
                projectRef: { name: {{project}} }
                branch: "{{branch}}"
                environmentRef: { name: {{environment}} }
              """
            : $$"""
              apiVersion: ocore.io/v1alpha1
              kind: BranchMapping
              metadata: { name: {{name}} }
              spec:
                projectRef: { name: {{project}} }
                branch: "{{branch}}"
                environmentTemplate:
                  image: { repository: registry.acme.example/odoo }
                  odoo:
                    database: { secretRef: { name: dev-db } }
                    ingress: { host: "{branch}.dev.acme.example" }
              """, @namespace);

    /// <summary>A Deployment as the receiver creates it for a push.</summary>
    public async Task<Deployment> CreateDeploymentAsync(string project, string environment, string branch, string commit, string? mapping = null)
    {
        var labels = new Dictionary<string, string>
        {
            [Labels.Project] = project,
            [Labels.Environment] = environment,
            [Labels.Branch] = ObjectNames.LabelValue(branch),
        };
        if (mapping is not null)
            labels[Labels.BranchMapping] = mapping;
        var deployment = new Deployment
        {
            Metadata = new V1ObjectMeta { Name = ObjectNames.ForDeployment(project, environment, commit), NamespaceProperty = @namespace, Labels = labels },
            Spec = new DeploymentSpec
            {
                ProjectRef = new LocalObjectReference { Name = project },
                EnvironmentRef = new LocalObjectReference { Name = environment },
                Branch = branch,
                Commit = commit,
                Trigger = new DeploymentTrigger { Source = TriggerSource.Webhook },
            },
        };
        var created = await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(deployment, "ocore.io", "v1alpha1", @namespace, "deployments");
        return KubernetesJson.Deserialize<Deployment>(KubernetesJson.Serialize(created));
    }

    /// <summary>Writes a Deployment's status as the pipeline would; the running operator may write too, so conflicts are retried.</summary>
    public async Task SetDeploymentStatusAsync(Deployment deployment, DeploymentStatus status)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync<Deployment>("deployments", deployment.Metadata.Name);
            current!.Status = status;
            try
            {
                await cluster.Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(current, "ocore.io", "v1alpha1", @namespace, "deployments", deployment.Metadata.Name);
                return;
            }
            catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
                await Task.Delay(50);
            }
        }
    }

    public Task<T?> GetAsync<T>(string plural, string name)
        where T : class =>
        cluster.ReadAsync<T>(@namespace, plural, name);

    public Task AnnotateAsync(string plural, string name, string key, string value) =>
        cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(new { metadata = new { annotations = new Dictionary<string, string> { [key] = value } } }), V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", @namespace, plural, name);

    public Task DeleteAsync(string plural, string name) =>
        cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync("ocore.io", "v1alpha1", @namespace, plural, name);

    public Task<T> UntilAsync<T>(string plural, string name, Func<T, bool> condition, string message, TimeSpan? timeout = null)
        where T : class =>
        Eventually.Until(() => GetAsync<T>(plural, name), found => found is not null && condition(found), message, timeout)!;
}
