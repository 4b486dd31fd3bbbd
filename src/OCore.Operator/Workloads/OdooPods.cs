using k8s.Models;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>What every Odoo pod shares (web, cron, module update): image entrypoint, database, config, filestore, security.</summary>
internal static class OdooPods
{
    private const string ConfigVolume = "odoo-conf";
    private const string FilestoreVolume = "filestore";

    /// <summary>
    /// Arguments for the official image's entrypoint, which adds --db_host/--db_port/--db_user/--db_password
    /// from the HOST, PORT, USER and PASSWORD variables and waits for PostgreSQL before starting Odoo.
    /// </summary>
    public static List<string> OdooArgs(params string[] options) => ["odoo", "-c", OdooLayout.ConfigFile, .. options];

    public static V1Container Container(Environment environment, string name, string image, List<string> args) => new()
    {
        Name = name,
        Image = image,
        Args = args,
        Env = DatabaseEnv(environment),
        Resources = Resources(environment),
        VolumeMounts =
        [
            new V1VolumeMount { Name = ConfigVolume, MountPath = OdooLayout.ConfigDirectory, ReadOnlyProperty = true },
            new V1VolumeMount { Name = FilestoreVolume, MountPath = OdooLayout.DataDirectory },
        ],
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        },
    };

    public static V1PodSpec Spec(Environment environment, V1Container container, string restartPolicy) => new()
    {
        Containers = [container],
        RestartPolicy = restartPolicy,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsUser = OdooLayout.UserId,
            RunAsGroup = OdooLayout.UserId,
            RunAsNonRoot = true,
            FsGroup = OdooLayout.UserId,
            // A large filestore would be re-chowned file by file at every start otherwise.
            FsGroupChangePolicy = "OnRootMismatch",
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Volumes =
        [
            new V1Volume { Name = ConfigVolume, ConfigMap = new V1ConfigMapVolumeSource { Name = WorkloadNames.OdooConfig(environment) } },
            new V1Volume
            {
                Name = FilestoreVolume,
                PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = OdooWorkloadBuilder.FilestoreClaimName(environment) },
            },
        ],
        ImagePullSecrets = environment.Spec.Image.PushSecretRef is { } pull ? [new V1LocalObjectReference { Name = pull.Name }] : null,
        Affinity = NearWeb(environment),
        // Odoo never calls the Kubernetes API, and service links would add variables the entrypoint might read.
        AutomountServiceAccountToken = false,
        EnableServiceLinks = false,
    };

    public static V1ResourceRequirements? Resources(Environment environment) =>
        environment.Spec.Odoo.Resources is { } resources
            ? new V1ResourceRequirements { Requests = Quantities(resources.Requests), Limits = Quantities(resources.Limits) }
            : null;

    /// <summary>Credentials only as references to the database Secret; the official entrypoint reads these names.</summary>
    private static List<V1EnvVar> DatabaseEnv(Environment environment)
    {
        var secret = environment.Spec.Odoo.Database.SecretRef.Name;
        return
        [
            FromSecret("HOST", secret, "host"),
            FromSecret("PORT", secret, "port"),
            FromSecret("USER", secret, "user"),
            FromSecret("PASSWORD", secret, "password"),
        ];
    }

    private static V1EnvVar FromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };

    private static Dictionary<string, ResourceQuantity>? Quantities(Dictionary<string, string>? values) =>
        values?.ToDictionary(pair => pair.Key, pair => new ResourceQuantity(pair.Value));

    /// <summary>
    /// With one web replica the filestore is ReadWriteOnce, which attaches to one node only: the surge pod of a rollout,
    /// the cron pod and the update Job prefer the node where the web pod runs. Several replicas share a ReadWriteMany volume.
    /// </summary>
    private static V1Affinity? NearWeb(Environment environment) =>
        OdooSettings.Replicas(environment) > 1
            ? null
            : new V1Affinity
            {
                PodAffinity = new V1PodAffinity
                {
                    PreferredDuringSchedulingIgnoredDuringExecution =
                    [
                        new V1WeightedPodAffinityTerm
                        {
                            Weight = 100,
                            PodAffinityTerm = new V1PodAffinityTerm
                            {
                                LabelSelector = new V1LabelSelector { MatchLabels = WorkloadLabels.Selector(environment, WorkloadLabels.WebComponent) },
                                TopologyKey = "kubernetes.io/hostname",
                            },
                        },
                    ],
                },
            };
}
