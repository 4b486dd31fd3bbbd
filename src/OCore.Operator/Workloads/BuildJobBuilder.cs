using System.Text.RegularExpressions;
using k8s.Models;
using OCore.Api.Git;
using OCore.Api.Schema;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>Builds the Job that clones a commit and builds and pushes its Odoo image, and that Job's Dockerfile. Pure.</summary>
public static partial class BuildJobBuilder
{
    public const string CloneContainer = "clone";
    public const string BuildContainer = "build";
    public const string DockerfileKey = "Dockerfile";

    private const string SshDirectory = "/etc/ocore/ssh";
    private const string WorkspaceDirectory = "/workspace";
    private const string BuildDirectory = "/workspace/build";
    private const string DeployKeyVolume = "deploy-key";
    private const string WorkspaceVolume = "workspace";
    private const string DockerfileVolume = "dockerfile";
    private const string PushSecretVolume = "push-secret";
    private const int ReadOnlyByOwner = 0x100; // 0400

    // nobody: Alpine and Debian images both have it, and OpenSSH refuses to run for a uid without a passwd entry.
    private const long CloneUserId = 65534;

    private const string GitSshCommand =
        $"ssh -i {SshDirectory}/{DeployKeySecretFormat.IdentityKey} -o IdentitiesOnly=yes " +
        $"-o UserKnownHostsFile={SshDirectory}/{DeployKeySecretFormat.KnownHostsKey} -o StrictHostKeyChecking=yes";

    /// <summary>The Dockerfile ConfigMap; of <paramref name="images"/> only the default Odoo repository is used (odoo when null).</summary>
    public static V1ConfigMap Dockerfile(Project project, Environment environment, Deployment deployment, PipelineImages? images = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(deployment);
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = WorkloadMetadata.For(WorkloadNames.BuildContext(deployment), environment, deployment,
                WorkloadLabels.ForPipeline(environment, deployment, WorkloadLabels.BuildComponent)),
            Data = new Dictionary<string, string> { [DockerfileKey] = DockerfileText(BaseImage(project, (images ?? new PipelineImages()).DefaultOdooRepository)) },
        };
    }

    public static V1Job Build(Project project, Environment environment, Deployment deployment, PipelineImages images)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(images);
        var commit = Commit(deployment);
        var labels = WorkloadLabels.ForPipeline(environment, deployment, WorkloadLabels.BuildComponent);

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = WorkloadMetadata.For(WorkloadNames.BuildJob(deployment), environment, deployment, labels),
            Spec = new V1JobSpec
            {
                // A failed build is reported, not retried; oCore's retention deletes finished Jobs.
                BackoffLimit = 0,
                ActiveDeadlineSeconds = 1800,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = WorkloadLabels.ForPipeline(environment, deployment, WorkloadLabels.BuildComponent) },
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never",
                        InitContainers = [Clone(project, commit, images.Git)],
                        Containers = [Kaniko(environment, commit, images.Builder)],
                        Volumes = Volumes(project, environment, deployment),
                        SecurityContext = new V1PodSecurityContext
                        {
                            // Secret files get this group and group read, so the non-root clone can read the 0400 key.
                            FsGroup = CloneUserId,
                            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        AutomountServiceAccountToken = false,
                        EnableServiceLinks = false,
                    },
                },
            },
        };
    }

    /// <summary>project.spec.odoo.baseImage, else the official image of the project's Odoo series.</summary>
    private static string BaseImage(Project project, string defaultRepository)
    {
        var image = string.IsNullOrWhiteSpace(project.Spec.Odoo.BaseImage)
            ? $"{defaultRepository}:{project.Spec.Odoo.Version}"
            : project.Spec.Odoo.BaseImage.Trim();
        // The value lands in a Dockerfile line: a line break would add instructions.
        if (!ImageReference().IsMatch(image))
            throw new ArgumentException($"'{image}' is not an image reference", nameof(project));
        return image;
    }

    private static string DockerfileText(string baseImage)
    {
        string[] lines =
        [
            "# Generated by oCore: the Odoo base image with this repository's addons and Python requirements.",
            $"FROM {baseImage}",
            "USER root",
            $"COPY . {OdooLayout.AddonsDirectory}",
            // Every requirements.txt, at the root and in each addon; a failing install fails the build.
            // PIP_BREAK_SYSTEM_PACKAGES: the image's Python is the system one (PEP 668 since Debian 12); older pips ignore it.
            "RUN set -e; export PIP_BREAK_SYSTEM_PACKAGES=1; \\",
            $"    find {OdooLayout.AddonsDirectory} -name requirements.txt | sort | while read -r file; do \\",
            "        pip3 install --no-cache-dir -r \"$file\"; \\",
            "    done",
            "USER odoo",
        ];
        return string.Join('\n', lines) + "\n";
    }

    private static V1Container Clone(Project project, string commit, string image) => new()
    {
        Name = CloneContainer,
        Image = image,
        // The git image's entrypoint is git itself.
        Command = ["/bin/sh", "-c", BuildScripts.Clone],
        Env =
        [
            new V1EnvVar { Name = BuildScripts.RepositoryUrlVariable, Value = RepositoryUrl.Parse(project.Spec.Repository.Url).ToSshUrl() },
            new V1EnvVar { Name = BuildScripts.CommitVariable, Value = commit },
            new V1EnvVar { Name = "GIT_SSH_COMMAND", Value = GitSshCommand },
        ],
        VolumeMounts =
        [
            new V1VolumeMount { Name = DeployKeyVolume, MountPath = SshDirectory, ReadOnlyProperty = true },
            new V1VolumeMount { Name = WorkspaceVolume, MountPath = WorkspaceDirectory },
        ],
        SecurityContext = new V1SecurityContext
        {
            RunAsUser = CloneUserId,
            RunAsGroup = CloneUserId,
            RunAsNonRoot = true,
            ReadOnlyRootFilesystem = true,
            AllowPrivilegeEscalation = false,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        },
    };

    private static V1Container Kaniko(Environment environment, string commit, string image)
    {
        var repository = environment.Spec.Image.Repository;
        List<V1VolumeMount> mounts =
        [
            new V1VolumeMount { Name = WorkspaceVolume, MountPath = WorkspaceDirectory },
            new V1VolumeMount { Name = DockerfileVolume, MountPath = BuildDirectory, ReadOnlyProperty = true },
        ];
        if (environment.Spec.Image.PushSecretRef is not null)
            mounts.Add(new V1VolumeMount { Name = PushSecretVolume, MountPath = "/kaniko/.docker/config.json", SubPath = "config.json", ReadOnlyProperty = true });

        return new V1Container
        {
            Name = BuildContainer,
            Image = image,
            // The debug image has a shell, needed to print the pushed digest after the build; "kaniko" becomes $0.
            Command = ["/busybox/sh", "-c", BuildScripts.Build, "kaniko"],
            Args =
            [
                $"--context=dir://{BuildScripts.SourceDirectory}",
                $"--dockerfile={BuildDirectory}/{DockerfileKey}",
                $"--destination={repository}:{commit}",
                "--digest-file=/dev/termination-log",
                $"--image-name-with-digest-file={WorkspaceDirectory}/image",
                "--cache=false",
            ],
            Env =
            [
                new V1EnvVar { Name = BuildScripts.ImageRepositoryVariable, Value = repository },
                new V1EnvVar { Name = BuildScripts.CommitVariable, Value = commit },
            ],
            VolumeMounts = mounts,
            // No restricted context here: kaniko must run as root to unpack the base image and run its RUN steps.
        };
    }

    private static List<V1Volume> Volumes(Project project, Environment environment, Deployment deployment)
    {
        List<V1Volume> volumes =
        [
            new V1Volume
            {
                Name = DeployKeyVolume,
                Secret = new V1SecretVolumeSource
                {
                    SecretName = DeployKeySecretFormat.NameFor(project.Metadata.Name),
                    DefaultMode = ReadOnlyByOwner,
                    Items =
                    [
                        new V1KeyToPath { Key = DeployKeySecretFormat.IdentityKey, Path = DeployKeySecretFormat.IdentityKey },
                        new V1KeyToPath { Key = DeployKeySecretFormat.KnownHostsKey, Path = DeployKeySecretFormat.KnownHostsKey },
                    ],
                },
            },
            new V1Volume { Name = WorkspaceVolume, EmptyDir = new V1EmptyDirVolumeSource() },
            new V1Volume { Name = DockerfileVolume, ConfigMap = new V1ConfigMapVolumeSource { Name = WorkloadNames.BuildContext(deployment) } },
        ];
        if (environment.Spec.Image.PushSecretRef is { } push)
        {
            volumes.Add(new V1Volume
            {
                Name = PushSecretVolume,
                Secret = new V1SecretVolumeSource
                {
                    SecretName = push.Name,
                    DefaultMode = ReadOnlyByOwner,
                    Items = [new V1KeyToPath { Key = ".dockerconfigjson", Path = "config.json" }],
                },
            });
        }

        return volumes;
    }

    /// <summary>The commit, checked again here because it becomes an image tag and a git argument.</summary>
    private static string Commit(Deployment deployment)
    {
        var commit = deployment.Spec.Commit;
        if (!CommitSha().IsMatch(commit))
            throw new ArgumentException($"Deployment {deployment.Metadata.Name} has no full commit id", nameof(deployment));
        return commit;
    }

    [GeneratedRegex(Patterns.CommitSha)]
    private static partial Regex CommitSha();

    // Registry, path, tag and digest characters only; no whitespace.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$")]
    private static partial Regex ImageReference();
}
