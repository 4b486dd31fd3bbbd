using System.Net;
using System.Security.Cryptography;
using System.Text;
using k8s;
using OCore.Api.Naming;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Cli.Dev;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>`ocore dev` as a person meets it: start, look with a Kubernetes client, push, stop.</summary>
public sealed class DevSandboxTests
{
    [Fact]
    public async Task The_sandbox_serves_the_samples_turns_a_signed_push_into_a_deployment_and_stops_cleanly()
    {
        var directory = Directory.CreateTempSubdirectory("ocore-dev-test-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var run = Task.Run(() => DevCommand.RunAsync(new DevSandboxOptions { KubeconfigPath = kubeconfig, ReceiverPort = 0, WithSamples = true }, output, stop.Token));
        try
        {
            await Eventually.Until(() => File.Exists(kubeconfig) || run.IsCompleted, "the kubeconfig is written once the sandbox serves", TimeSpan.FromSeconds(60));
            Assert.False(run.IsCompleted, output.ToString());
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

            // The operator connects the sample project: a webhook URL on the sandbox's receiver and its secret.
            var project = await Eventually.Until(async () => KubernetesJson.Deserialize<Project>(KubernetesJson.Serialize(
                    await client.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", "acme", "projects", "odoo-custom"))),
                p => p.Status?.Webhook?.Url is not null, "the sample project gets its webhook URL");
            Assert.Contains("Webhook receiver  http://127.0.0.1:", output.ToString(), StringComparison.Ordinal);
            var secret = (await client.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor("odoo-custom"), "acme")).Data[WebhookSecretFormat.SecretKey];

            const string commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";
            var body = Encoding.UTF8.GetBytes($$$"""{"ref":"refs/heads/main","before":"{{{new string('0', 40)}}}","after":"{{{commit}}}","created":true,"deleted":false,"forced":false,"repository":{"full_name":"acme/odoo-custom"},"pusher":{"name":"jane"}}""");
            using var http = new HttpClient();
            var answer = await Eventually.Until(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, project.Status!.Webhook!.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add("X-GitHub-Event", "push");
                request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
                return (await http.SendAsync(request)).StatusCode;
            }, code => code == HttpStatusCode.Accepted, "the receiver queues the push (its caches know the project)");

            var deployment = ObjectNames.ForDeployment("odoo-custom", "production", commit);
            await client.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", "acme", "deployments", deployment);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Directory.Delete(directory, recursive: true);
        }

        Assert.Contains("Stopping the sandbox", output.ToString(), StringComparison.Ordinal);
    }
}
