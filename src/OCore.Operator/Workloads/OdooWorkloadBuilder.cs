using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>Builds an environment's Odoo workload: config, web and cron Deployments, Service, Ingress, filestore. Pure.</summary>
public static class OdooWorkloadBuilder
{
    public const string ContainerName = "odoo";
    private const string HttpPortName = "http";
    private const string WebsocketPortName = "websocket";

    public static V1ConfigMap OdooConfig(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = WorkloadMetadata.For(WorkloadNames.OdooConfig(environment), environment, environment, WorkloadLabels.Common(environment)),
            Data = new Dictionary<string, string> { [OdooLayout.ConfigFileName] = OdooConfigText(environment) },
        };
    }

    /// <summary>
    /// The web Deployment. The build copies the repository to <see cref="OdooLayout.AddonsDirectory"/> whatever its
    /// name, so odoo.conf (built from the environment alone) can name it.
    /// </summary>
    public static V1Deployment Web(Environment environment, string image)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(image);
        var container = OdooPods.Container(environment, ContainerName, image, OdooPods.OdooArgs());
        container.Ports =
        [
            new V1ContainerPort { Name = HttpPortName, ContainerPort = OdooLayout.HttpPort, Protocol = "TCP" },
            new V1ContainerPort { Name = WebsocketPortName, ContainerPort = OdooLayout.WebsocketPort, Protocol = "TCP" },
        ];
        // A first start or a slow registry load may take minutes; liveness only counts once startup succeeded.
        container.StartupProbe = Health(periodSeconds: 10, failureThreshold: 60);
        container.ReadinessProbe = Health(periodSeconds: 10, failureThreshold: 3);
        container.LivenessProbe = Health(periodSeconds: 20, failureThreshold: 6);

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = WorkloadMetadata.For(WorkloadNames.Web(environment), environment, environment, WorkloadLabels.ForWorkload(environment, WorkloadLabels.WebComponent)),
            Spec = new V1DeploymentSpec
            {
                Replicas = OdooSettings.Replicas(environment),
                Selector = new V1LabelSelector { MatchLabels = WorkloadLabels.Selector(environment, WorkloadLabels.WebComponent) },
                // Old pods keep serving until new ones pass /web/health.
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
                },
                ProgressDeadlineSeconds = 600,
                Template = Template(environment, WorkloadLabels.WebComponent, image, container),
            },
        };
    }

    /// <summary>The cron Deployment: the same image without HTTP; 0 while modules update, else 1 (two would run jobs twice).</summary>
    public static V1Deployment Cron(Environment environment, string image, int replicas)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicas, 1);
        var args = OdooPods.OdooArgs("--no-http", "--max-cron-threads", "2", "--workers", "0");
        var container = OdooPods.Container(environment, ContainerName, image, args);

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = WorkloadMetadata.For(WorkloadNames.Cron(environment), environment, environment, WorkloadLabels.ForWorkload(environment, WorkloadLabels.CronComponent)),
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = WorkloadLabels.Selector(environment, WorkloadLabels.CronComponent) },
                // Never two cron pods at once, not even during a rollout.
                Strategy = new V1DeploymentStrategy { Type = "Recreate" },
                Template = Template(environment, WorkloadLabels.CronComponent, image, container),
            },
        };
    }

    public static V1Service Service(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = WorkloadMetadata.For(WorkloadNames.Service(environment), environment, environment, WorkloadLabels.ForWorkload(environment, WorkloadLabels.WebComponent)),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = WorkloadLabels.Selector(environment, WorkloadLabels.WebComponent),
                Ports =
                [
                    new V1ServicePort { Name = HttpPortName, Port = OdooLayout.HttpPort, TargetPort = OdooLayout.HttpPort, Protocol = "TCP" },
                    new V1ServicePort { Name = WebsocketPortName, Port = OdooLayout.WebsocketPort, TargetPort = OdooLayout.WebsocketPort, Protocol = "TCP" },
                ],
            },
        };
    }

    /// <summary>The Ingress, or null when the environment has no spec.odoo.ingress.</summary>
    public static V1Ingress? Ingress(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Spec.Odoo.Ingress is not { } ingress)
            return null;
        // With workers 0 Odoo runs threaded and serves websockets on the HTTP port; 8072 then has no listener.
        var websocketPort = OdooSettings.Workers(environment) > 0 ? OdooLayout.WebsocketPort : OdooLayout.HttpPort;
        var service = WorkloadNames.Service(environment);

        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = WorkloadMetadata.For(WorkloadNames.Ingress(environment), environment, environment, WorkloadLabels.ForWorkload(environment, WorkloadLabels.WebComponent)),
            Spec = new V1IngressSpec
            {
                IngressClassName = string.IsNullOrEmpty(ingress.ClassName) ? null : ingress.ClassName,
                Tls = string.IsNullOrEmpty(ingress.TlsSecretName) ? null : [new V1IngressTLS { Hosts = [ingress.Host], SecretName = ingress.TlsSecretName }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = ingress.Host,
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths = [IngressPath("/", service, OdooLayout.HttpPort), IngressPath(OdooLayout.WebsocketPath, service, websocketPort)],
                        },
                    },
                ],
            },
        };
    }

    /// <summary>The filestore volume oCore creates, or null when spec.odoo.filestore.claimName names an existing one.</summary>
    public static V1PersistentVolumeClaim? Filestore(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var filestore = environment.Spec.Odoo.Filestore;
        if (!string.IsNullOrEmpty(filestore?.ClaimName))
            return null;
        // Pods on several nodes can only share a ReadWriteMany volume.
        var accessMode = OdooSettings.Replicas(environment) > 1 ? "ReadWriteMany" : "ReadWriteOnce";

        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = WorkloadMetadata.For(WorkloadNames.Filestore(environment), environment, environment, WorkloadLabels.Common(environment)),
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = [accessMode],
                Resources = new V1VolumeResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(filestore?.Size ?? OdooSettings.DefaultFilestoreSize) },
                },
                StorageClassName = string.IsNullOrEmpty(filestore?.StorageClassName) ? null : filestore.StorageClassName,
            },
        };
    }

    /// <summary>The claim Odoo pods mount: spec.odoo.filestore.claimName, else the one oCore creates.</summary>
    public static string FilestoreClaimName(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var claimName = environment.Spec.Odoo.Filestore?.ClaimName;
        return string.IsNullOrEmpty(claimName) ? WorkloadNames.Filestore(environment) : claimName;
    }

    private static string OdooConfigText(Environment environment)
    {
        var database = OdooSettings.DatabaseName(environment);
        string[] lines =
        [
            "[options]",
            $"addons_path = {OdooLayout.AddonsDirectory}",
            $"data_dir = {OdooLayout.DataDirectory}",
            $"db_name = {database}",
            $"dbfilter = ^{Regex.Escape(database)}$",
            // The database manager would let anyone on the URL list, create or drop databases.
            "list_db = False",
            // Behind the Ingress: trust X-Forwarded-* for URLs and client addresses.
            "proxy_mode = True",
            $"workers = {OdooSettings.Workers(environment)}",
            // Crons run in the cron Deployment only, so they can be stopped during module updates.
            "max_cron_threads = 0",
        ];
        return string.Join('\n', lines) + "\n";
    }

    private static V1PodTemplateSpec Template(Environment environment, string component, string image, V1Container container)
    {
        var annotations = new Dictionary<string, string> { [WorkloadAnnotations.ConfigHash] = ConfigHash(environment) };
        if (ImageReferences.CommitOf(image) is { } commit)
            annotations[WorkloadAnnotations.Commit] = commit;
        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = WorkloadLabels.ForWorkload(environment, component), Annotations = annotations },
            Spec = OdooPods.Spec(environment, container, "Always"),
        };
    }

    private static string ConfigHash(Environment environment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OdooConfigText(environment))));

    private static V1Probe Health(int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = OdooLayout.HealthPath, Port = OdooLayout.HttpPort },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
        TimeoutSeconds = 5,
    };

    private static V1HTTPIngressPath IngressPath(string path, string service, int port) => new()
    {
        Path = path,
        PathType = "Prefix",
        Backend = new V1IngressBackend
        {
            Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = port } },
        },
    };
}
