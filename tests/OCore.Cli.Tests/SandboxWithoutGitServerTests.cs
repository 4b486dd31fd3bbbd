using k8s;
using OCore.Api.V1Alpha1;
using OCore.Cli.Dev;
using OCore.Git.Serving;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>`ocore dev` on a machine without sshd: everything else runs, and it says how to install what is missing.</summary>
public sealed class SandboxWithoutGitServerTests
{
    [Fact]
    public async Task Without_sshd_the_sandbox_still_serves_the_samples_and_says_how_to_install_it()
    {
        var directory = Directory.CreateTempSubdirectory("ocore-dev-nosshd-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        using var stop = new CancellationTokenSource();
        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed);
        var run = Task.Run(() => DevCommand.RunAsync(new DevSandboxOptions
        {
            KubeconfigPath = kubeconfig,
            ReceiverPort = 0,
            GitPort = 0,
            ClonePath = Path.Combine(directory, "clone"),
            SshdPath = Path.Combine(directory, "no-such-sshd"),
            WithSamples = true,
        }, output, stop.Token));
        try
        {
            string Printed()
            {
                lock (output)
                    return printed.ToString();
            }

            await Eventually.Until(() => Printed().Contains("Next, in another terminal", StringComparison.Ordinal) || run.IsCompleted,
                "the sandbox serves without sshd", TimeSpan.FromSeconds(60));
            Assert.False(run.IsCompleted, Printed());
            var text = Printed();
            Assert.Contains("Git server        not running: the local git server needs sshd (openssh-server): " + SshGitServer.InstallHint, text, StringComparison.Ordinal);
            Assert.Contains("Deployments stop at Prepare", text, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(directory, "clone")));

            // The sample project keeps its GitHub URL and is connected all the same.
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            var project = KubernetesJson.Deserialize<Project>(KubernetesJson.Serialize(
                await client.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", "acme", "projects", "odoo-custom")));
            Assert.Equal("git@github.com:acme/odoo-custom.git", project.Spec.Repository.Url);
            Assert.NotNull(project.Status?.Webhook?.Url);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Directory.Delete(directory, recursive: true);
        }
    }
}
