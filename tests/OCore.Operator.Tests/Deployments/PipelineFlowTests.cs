using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.DevCluster.Workloads;
using OCore.Operator.Tests.Support;
using OCore.Testing;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Tests.Deployments;

/// <summary>
/// Whole pipelines: a real git repository behind a real sshd (the deploy key the operator generated is added to it,
/// as a person would), DevCluster's simulated Jobs and Deployments, and the operator in-process.
/// </summary>
public sealed class PipelineFlowTests : IAsyncLifetime
{
    private const string Digest = "sha256:4f1c2a9e8d7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f";
    private readonly SshServerFixture _sshd = new();
    private readonly ScratchRepository _work = new();
    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;
    private Resources _resources = null!;
    private RecordingHttpServer _sink = null!;
    private RecordingHttpServer _gitlab = null!;
    private string _bare = "";

    public async Task InitializeAsync()
    {
        await _sshd.InitializeAsync();
        _bare = _sshd.CreateBareRepository();
        _cluster = await TestCluster.StartAsync();
        _cluster.Server.Workloads.JobPodRunTime = TimeSpan.FromMilliseconds(300);
        _resources = new Resources(_cluster, await _cluster.CreateNamespaceAsync());
        _sink = RecordingHttpServer.Start();
        _gitlab = RecordingHttpServer.Start();
        _operator = await OperatorHost.StartAsync(_cluster, new() { ["Operator:RolloutTimeout"] = "00:00:03" });

        await _cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "hooks" },
            Data = new Dictionary<string, byte[]>
            {
                ["url"] = Encoding.UTF8.GetBytes(_sink.BaseUrl + "hooks"),
                ["key"] = "sink-signing-key"u8.ToArray(),
                ["gitlab-token"] = "glpat-test-token-0123456789"u8.ToArray(),
            },
        }, _resources.Namespace);
        await _cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: erp }
            spec:
              repository:
                url: "{{_sshd.UrlFor(_bare)}}"
                provider: gitlab
                knownHosts: "{{_sshd.KnownHosts.Trim()}}"
              odoo: { version: "18.0" }
              statusReporting:
                tokenSecretRef: { name: hooks, key: gitlab-token }
                apiUrl: "{{_gitlab.BaseUrl}}api/v4"
              notifications:
                - type: webhook
                  urlSecretRef: { name: hooks, key: url }
                  signingSecretRef: { name: hooks, key: key }
            """, _resources.Namespace);
        await _resources.CreateEnvironmentAsync("production", "erp", host: "erp.acme.example");
        var project = await _resources.UntilAsync<Project>("projects", "erp", p => Conditions.IsTrue(p.Status?.Conditions, ConditionTypes.DeployKeyReady), "the project has its deploy key");
        _sshd.AuthorizeKey(project.Status!.DeployKey!.PublicKey!);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _cluster.DisposeAsync();
        _sink.Dispose();
        _gitlab.Dispose();
        _work.Dispose();
        await _sshd.DisposeAsync();
    }

    [Fact]
    public async Task A_push_is_built_its_modules_installed_and_rolled_out()
    {
        var commit = PushModule("sale_ext", "18.0.1.0.0");
        ScriptBuild(commit, succeed: true);
        var deployment = await _resources.CreateDeploymentAsync("erp", "production", "main", commit);

        var done = await UntilFinishedAsync(deployment);
        Assert.Equal(DeploymentPhase.Succeeded, done.Status!.Phase);
        Assert.Equal([StepState.Succeeded, StepState.Succeeded, StepState.Succeeded, StepState.Succeeded], done.Status.Steps!.Select(s => s.State));
        Assert.Equal(["sale_ext"], done.Status.Modules!.Install);
        Assert.Equal($"registry.acme.example/odoo@{Digest}", done.Status.Image);
        Assert.Contains("install sale_ext (first deployment)", done.Status.Steps![0].Message, StringComparison.Ordinal);

        var update = await _cluster.Client.BatchV1.ReadNamespacedJobAsync(done.Status.Steps[2].JobRef, _resources.Namespace);
        Assert.Contains("-i", update.Spec.Template.Spec.Containers[0].Args ?? update.Spec.Template.Spec.Containers[0].Command, StringComparer.Ordinal);
        var web = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("production-odoo", _resources.Namespace);
        Assert.Equal(done.Status.Image, web.Spec.Template.Spec.Containers[0].Image);

        var environment = await _resources.UntilAsync<Environment>("environments", "production", e => e.Status?.Commit == commit, "the environment serves the commit");
        Assert.Equal(done.Status.Image, environment.Status!.Image);
        await _sink.WaitForAsync(r => r.Property("event") == "started", "a started notification");
        var succeeded = await _sink.WaitForAsync(r => r.Property("event") == "succeeded", "a succeeded notification");
        Assert.Equal(commit, succeeded.Property("commit"));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("sink-signing-key"u8, succeeded.Body)), succeeded.Headers["X-OCore-Signature-256"]);

        // The commit status on GitLab: running, then success, named after the environment.
        var status = await _gitlab.WaitForAsync(r => r.Property("state") == "success", "a success commit status on GitLab");
        Assert.EndsWith($"/statuses/{commit}", status.Path, StringComparison.Ordinal);
        Assert.Equal("oCore / production", status.Property("name"));
        Assert.Equal("glpat-test-token-0123456789", status.Headers["PRIVATE-TOKEN"]);
        Assert.Contains(_gitlab.Received, r => r.Property("state") == "running");

        // The next push changes the module: only it is updated, nothing installed.
        var second = PushModule("sale_ext", "18.0.1.1.0");
        ScriptBuild(second, succeed: true);
        var next = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", second));
        Assert.Equal(DeploymentPhase.Succeeded, next.Status!.Phase);
        Assert.Equal(["sale_ext"], next.Status.Modules!.Update);
        Assert.Empty(next.Status.Modules.Install);
        Assert.Equal(commit, next.Status.PreviousCommit);
    }

    [Fact]
    public async Task A_failed_build_fails_with_its_own_log_tail_redacted()
    {
        var commit = PushModule("sale_ext", "18.0.1.0.0");
        ScriptBuild(commit, succeed: false, log: "Step 4/6 : RUN pip install -r requirements.txt\nERROR: No matching distribution found for odoo-magic\ntoken=hunter2hunter2");
        var done = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", commit));

        Assert.Equal(DeploymentPhase.Failed, done.Status!.Phase);
        var build = done.Status.Steps!.Single(s => s.Name == "Build");
        Assert.Equal(StepState.Failed, build.State);
        Assert.Contains("No matching distribution found for odoo-magic", build.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", build.Message, StringComparison.Ordinal);
        Assert.Equal([StepState.Cancelled, StepState.Cancelled], done.Status.Steps!.Skip(2).Select(s => s.State));
        await _sink.WaitForAsync(r => r.Property("event") == "failed", "a failed notification");
        await _gitlab.WaitForAsync(r => r.Property("state") == "failed" && r.Path.EndsWith(commit, StringComparison.Ordinal), "a failed commit status on GitLab");
    }

    [Fact]
    public async Task A_failed_module_update_fails_with_odoos_own_error_and_never_rolls_out()
    {
        var commit = PushModule("sale_ext", "18.0.1.0.0");
        ScriptBuild(commit, succeed: true);
        _cluster.Server.Workloads.ScriptJobs(ObjectNames.ForDeployment("erp", "production", commit) + "-update",
            new JobScript(false, "odoo.modules.loading: loading sale_ext\nParseError: while parsing /mnt/extra-addons/sale_ext/views/sale.xml:12"));
        var done = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", commit));

        Assert.Equal(DeploymentPhase.Failed, done.Status!.Phase);
        var update = done.Status.Steps!.Single(s => s.Name == "UpdateModules");
        Assert.Equal(StepState.Failed, update.State);
        Assert.Contains("ParseError: while parsing /mnt/extra-addons/sale_ext/views/sale.xml:12", update.Message, StringComparison.Ordinal);
        Assert.Equal(StepState.Cancelled, done.Status.Steps!.Single(s => s.Name == "Rollout").State);
        await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("production-odoo", _resources.Namespace));
    }

    [Fact]
    public async Task A_builder_image_that_cannot_be_pulled_fails_the_build_at_once()
    {
        _cluster.Server.Workloads.FailImagePull(new OCore.Operator.Hosting.PipelineImageOptions().Builder);
        var commit = PushModule("sale_ext", "18.0.1.0.0");
        var done = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", commit));

        Assert.Equal(DeploymentPhase.Failed, done.Status!.Phase);
        var build = done.Status.Steps!.Single(s => s.Name == "Build");
        Assert.Contains("cannot start (", build.Message, StringComparison.Ordinal);
        Assert.Contains("ImagePull", build.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rollout_that_never_becomes_ready_is_rolled_back_to_the_previous_image()
    {
        var good = PushModule("sale_ext", "18.0.1.0.0");
        ScriptBuild(good, succeed: true);
        var first = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", good));
        Assert.Equal(DeploymentPhase.Succeeded, first.Status!.Phase);

        // A change outside every module: nothing to update, so the new image first runs in the rollout.
        _work.Write("README.md", "Odoo addons of ACME\n");
        var bad = _work.Commit("readme");
        _work.Git("push", "--quiet", _bare, "HEAD:refs/heads/main");
        ScriptBuild(bad, succeed: true, digest: "sha256:" + new string('b', 64));
        _cluster.Server.Workloads.FailImagePull($"registry.acme.example/odoo@sha256:{new string('b', 64)}");
        var second = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", bad), TimeSpan.FromSeconds(40));

        Assert.Equal(DeploymentPhase.Failed, second.Status!.Phase);
        Assert.Equal(StepState.Skipped, second.Status.Steps!.Single(s => s.Name == "UpdateModules").State);
        Assert.Contains($"rolled back to {first.Status.Image}", second.Status.Steps!.Single(s => s.Name == "Rollout").Message, StringComparison.Ordinal);
        await Eventually.Until(async () => (await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("production-odoo", _resources.Namespace)).Spec.Template.Spec.Containers[0].Image,
            image => image == first.Status.Image, "the web workload runs the previous image again");
        var environment = await _resources.GetAsync<Environment>("environments", "production");
        Assert.Equal(good, environment!.Status!.Commit);
    }

    [Fact]
    public async Task A_late_webhook_for_an_older_commit_never_rolls_back_a_newer_one()
    {
        var older = PushModule("sale_ext", "18.0.1.0.0");
        var newer = PushModule("sale_ext", "18.0.1.1.0");
        ScriptBuild(older, succeed: true);
        var late = await UntilFinishedAsync(await _resources.CreateDeploymentAsync("erp", "production", "main", older));

        Assert.Equal(DeploymentPhase.Superseded, late.Status!.Phase);
        Assert.Contains($"has moved on to {newer[..12]}", late.Status.Steps![0].Message, StringComparison.Ordinal);
        Assert.Empty((await _cluster.Client.BatchV1.ListNamespacedJobAsync(_resources.Namespace)).Items);
    }

    [Fact]
    public async Task A_newer_deployment_supersedes_one_in_flight_and_stops_its_jobs()
    {
        var first = PushModule("sale_ext", "18.0.1.0.0");
        _cluster.Server.Workloads.ScriptJobs(ObjectNames.ForDeployment("erp", "production", first), new JobScript(true, BuildLog(Digest), TimeSpan.FromSeconds(30)));
        var slow = await _resources.CreateDeploymentAsync("erp", "production", "main", first);
        await _resources.UntilAsync<Deployment>("deployments", slow.Metadata.Name, d => d.Status?.Steps?[1].State == StepState.Running, "the first build runs");

        var second = PushModule("sale_ext", "18.0.1.1.0");
        ScriptBuild(second, succeed: true);
        var fast = await _resources.CreateDeploymentAsync("erp", "production", "main", second);

        var superseded = await UntilFinishedAsync(slow);
        Assert.Equal(DeploymentPhase.Superseded, superseded.Status!.Phase);
        Assert.Equal(fast.Metadata.Name, superseded.Status.SupersededBy);
        await Eventually.Until(async () => (await _cluster.Client.BatchV1.ListNamespacedJobAsync(_resources.Namespace)).Items.Any(j => j.Metadata.Name.StartsWith(slow.Metadata.Name, StringComparison.Ordinal)),
            present => !present, "the superseded build Job is stopped");
        Assert.Equal(DeploymentPhase.Succeeded, (await UntilFinishedAsync(fast)).Status!.Phase);
    }

    private string PushModule(string module, string version)
    {
        _work.Write($"addons/{module}/__manifest__.py", $"{{'name': '{module}', 'version': '{version}', 'depends': ['sale']}}\n");
        _work.Write($"addons/{module}/models/sale.py", $"# {version}\n");
        var commit = _work.Commit($"{module} {version}");
        _work.Git("push", "--quiet", "--force", _bare, "HEAD:refs/heads/main");
        return commit;
    }

    private void ScriptBuild(string commit, bool succeed, string? log = null, string digest = Digest) =>
        _cluster.Server.Workloads.ScriptJobs(ObjectNames.ForDeployment("erp", "production", commit),
            new JobScript(succeed, log ?? BuildLog(digest)));

    private static string BuildLog(string digest) => $"INFO Pushed registry.acme.example/odoo@{digest}\noCore image: registry.acme.example/odoo@{digest}\n";

    private Task<Deployment> UntilFinishedAsync(Deployment deployment, TimeSpan? timeout = null) =>
        Eventually.Until(() => _resources.GetAsync<Deployment>("deployments", deployment.Metadata.Name)!,
            d => d?.Status?.Phase is DeploymentPhase.Succeeded or DeploymentPhase.Failed or DeploymentPhase.Superseded,
            $"Deployment {deployment.Metadata.Name} finishes", timeout ?? TimeSpan.FromSeconds(30))!;
}
