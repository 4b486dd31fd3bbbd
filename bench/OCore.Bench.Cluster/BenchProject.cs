using System.Diagnostics;
using k8s;
using k8s.Autorest;
using OCore.Api.Secrets;
using OCore.Api.Serialization;
using OCore.Api.V1Alpha1;

namespace OCore.Bench.Cluster;

/// <summary>
/// One connected project as a user sets it up: Project, Environment <c>production</c> and a BranchMapping
/// main → production. The operator fills in the webhook URL, secret and deploy key; this waits for them.
/// </summary>
internal sealed record BenchProject(string Namespace, string Name, string WebhookPath, byte[] Secret, string DeployKey)
{
    public static async Task CreateAsync(IKubernetes client, string @namespace, string name, string url, string? knownHosts)
    {
        // A self-hosted server needs the provider named and its host key pinned.
        var hosts = knownHosts is null ? "" : $"\n    provider: github\n    knownHosts: \"{knownHosts.Trim()}\"";
        var yaml = $$"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: {{name}} }
            spec:
              repository:
                url: "{{url}}"{{hosts}}
              odoo: { version: "18.0" }
              pollInterval: "0s"
            ---
            apiVersion: ocore.io/v1alpha1
            kind: Environment
            metadata: { name: production }
            spec:
              projectRef: { name: {{name}} }
              stage: production
              image: { repository: registry.acme.example/odoo }
              odoo:
                database: { secretRef: { name: db } }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: BranchMapping
            metadata: { name: {{name}}-main }
            spec:
              projectRef: { name: {{name}} }
              branch: main
              environmentRef: { name: production }
            """;
        foreach (var document in JsonYaml.ReadDocuments(yaml))
        {
            var plural = document["kind"]!.GetValue<string>().ToLowerInvariant() + "s";
            document["metadata"]!["namespace"] = @namespace;
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(document, "ocore.io", "v1alpha1", @namespace, plural);
        }
    }

    /// <summary>Waits until the operator has given the project its webhook URL, secret and deploy key.</summary>
    public static async Task<BenchProject> WhenConnectedAsync(IKubernetes client, string @namespace, string name, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var project = KubernetesJson.Deserialize<Project>(KubernetesJson.Serialize(
                await client.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", @namespace, "projects", name)));
            if (project?.Status?.Webhook?.Url is { } url && project.Status.DeployKey?.PublicKey is { } key && project.Status.Webhook.SecretRef?.Name is { } secretName)
            {
                try
                {
                    var secret = await client.CoreV1.ReadNamespacedSecretAsync(secretName, @namespace);
                    return new BenchProject(@namespace, name, new Uri(url).AbsolutePath, secret.Data[WebhookSecretFormat.SecretKey], key);
                }
                catch (HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    // The status names the Secret a moment before the informer-backed read sees it.
                }
            }

            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Project {@namespace}/{name} got no webhook URL, secret and deploy key within {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
