using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

public sealed class OdooWorkloadBuilderTests
{
    private const string Image = "registry.acme.example/shop/odoo:" + WorkloadFixtures.Commit + "@sha256:0f";

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    public void Web_replicas_default_to_one(int? replicas, int expected) =>
        Assert.Equal(expected, Web(o => o.Replicas = replicas).Spec.Replicas);

    [Fact]
    public void Web_keeps_serving_during_a_rollout_and_reports_a_stuck_one()
    {
        var spec = Web().Spec;

        Assert.Equal("RollingUpdate", spec.Strategy.Type);
        Assert.Equal("0", spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal(600, spec.ProgressDeadlineSeconds);
    }

    [Fact]
    public void Web_probes_check_web_health_on_the_http_port_with_a_long_startup_allowance()
    {
        var container = WebContainer(Web());

        Assert.Equal([("http", 8069), ("websocket", 8072)], container.Ports.Select(p => (p.Name, p.ContainerPort)));
        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
            Assert.Equal(("/web/health", "8069"), (probe.HttpGet.Path, probe.HttpGet.Port.Value));
        Assert.Equal((10, 3), (container.ReadinessProbe.PeriodSeconds, container.ReadinessProbe.FailureThreshold));
        Assert.Equal((10, 60), (container.StartupProbe.PeriodSeconds, container.StartupProbe.FailureThreshold));
    }

    [Fact]
    public void Web_runs_the_image_with_odoo_conf_and_the_database_from_the_secret()
    {
        var container = WebContainer(Web());

        Assert.Equal(Image, container.Image);
        Assert.Equal(["odoo", "-c", "/etc/odoo/odoo.conf"], container.Args);
        Assert.Equal(["HOST", "PORT", "USER", "PASSWORD"], container.Env.Select(e => e.Name));
        Assert.All(container.Env, e => Assert.Equal("shop-db", e.ValueFrom.SecretKeyRef.Name));
    }

    [Fact]
    public void Web_resources_are_copied_from_the_spec()
    {
        var container = WebContainer(Web(o => o.Resources = new ResourceRequirements
        {
            Requests = new Dictionary<string, string> { ["cpu"] = "500m", ["memory"] = "1Gi" },
            Limits = new Dictionary<string, string> { ["memory"] = "2Gi" },
        }));

        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "500m", ["memory"] = "1Gi" }, container.Resources.Requests.ToDictionary(p => p.Key, p => p.Value.ToString()));
        Assert.Equal(new Dictionary<string, string> { ["memory"] = "2Gi" }, container.Resources.Limits.ToDictionary(p => p.Key, p => p.Value.ToString()));
        Assert.Null(WebContainer(Web()).Resources);
    }

    [Theory]
    [InlineData(null, "production-filestore")]
    [InlineData("existing-claim", "existing-claim")]
    public void Web_mounts_the_filestore_claim(string? claimName, string expected)
    {
        var web = Web(o => o.Filestore = new FilestoreSpec { ClaimName = claimName });
        var mount = Assert.Single(WebContainer(web).VolumeMounts, m => m.MountPath == "/var/lib/odoo");

        Assert.Equal(expected, web.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name).PersistentVolumeClaim.ClaimName);
        Assert.Equal(expected, OdooWorkloadBuilder.FilestoreClaimName(WorkloadFixtures.Environment(odoo: o => o.Filestore = new FilestoreSpec { ClaimName = claimName })));
    }

    [Fact]
    public void Web_runs_as_the_odoo_user_without_privileges()
    {
        var pod = Web().Spec.Template.Spec;
        var container = WebContainer(Web());

        Assert.Equal((101L, 101L, true), (pod.SecurityContext.RunAsUser!.Value, pod.SecurityContext.FsGroup!.Value, pod.SecurityContext.RunAsNonRoot!.Value));
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.False(pod.AutomountServiceAccountToken);
    }

    [Fact]
    public void Web_pods_are_labelled_for_the_service_and_annotated_with_the_commit()
    {
        var web = Web();
        var template = web.Spec.Template.Metadata;

        Assert.Equal("odoo", template.Labels["app.kubernetes.io/name"]);
        Assert.Equal("production", template.Labels["app.kubernetes.io/instance"]);
        Assert.Equal("web", template.Labels["app.kubernetes.io/component"]);
        Assert.Equal("production", template.Labels[Labels.Environment]);
        Assert.Equal(web.Spec.Selector.MatchLabels, OdooWorkloadBuilder.Service(WorkloadFixtures.Environment()).Spec.Selector);
        Assert.All(web.Spec.Selector.MatchLabels, pair => Assert.Equal(pair.Value, template.Labels[pair.Key]));
        Assert.Equal(WorkloadFixtures.Commit, template.Annotations["ocore.io/commit"]);
        Assert.False(OdooWorkloadBuilder.Web(WorkloadFixtures.Environment(), "registry.acme.example/shop/odoo@sha256:0f")
            .Spec.Template.Metadata.Annotations.ContainsKey("ocore.io/commit"));
    }

    [Fact]
    public void A_changed_odoo_conf_rolls_the_pods()
    {
        var before = Web().Spec.Template.Metadata.Annotations["ocore.io/config-hash"];
        var after = Web(o => o.Workers = 4).Spec.Template.Metadata.Annotations["ocore.io/config-hash"];

        Assert.NotEqual(before, after);
        Assert.Equal(before, Web(o => o.Replicas = 1).Spec.Template.Metadata.Annotations["ocore.io/config-hash"]);
    }

    [Fact]
    public void With_a_single_replica_filestore_odoo_pods_prefer_the_web_pod_node()
    {
        var cron = OdooWorkloadBuilder.Cron(WorkloadFixtures.Environment(), Image, 1);
        var term = Assert.Single(cron.Spec.Template.Spec.Affinity.PodAffinity.PreferredDuringSchedulingIgnoredDuringExecution).PodAffinityTerm;

        Assert.Equal("kubernetes.io/hostname", term.TopologyKey);
        Assert.Equal(Web().Spec.Selector.MatchLabels, term.LabelSelector.MatchLabels);
        Assert.Null(Web(o => o.Replicas = 2).Spec.Template.Spec.Affinity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Cron_runs_the_same_image_without_http_and_with_the_given_replicas(int replicas)
    {
        var cron = OdooWorkloadBuilder.Cron(WorkloadFixtures.Environment(), Image, replicas);
        var container = Assert.Single(cron.Spec.Template.Spec.Containers);

        Assert.Equal(replicas, cron.Spec.Replicas);
        Assert.Equal("Recreate", cron.Spec.Strategy.Type);
        Assert.Equal(Image, container.Image);
        Assert.Equal(["odoo", "-c", "/etc/odoo/odoo.conf", "--no-http", "--max-cron-threads", "2", "--workers", "0"], container.Args);
        Assert.Equal("cron", cron.Spec.Selector.MatchLabels["app.kubernetes.io/component"]);
        Assert.Equal("production-odoo-cron", cron.Metadata.Name);
        Assert.Null(container.Ports);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Cron_never_runs_twice(int replicas) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OdooWorkloadBuilder.Cron(WorkloadFixtures.Environment(), Image, replicas));

    [Fact]
    public void Service_exposes_http_and_websocket_of_the_web_pods()
    {
        var service = OdooWorkloadBuilder.Service(WorkloadFixtures.Environment());

        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal([("http", 8069, "8069"), ("websocket", 8072, "8072")], service.Spec.Ports.Select(p => (p.Name, p.Port, p.TargetPort.Value)));
        Assert.Equal("web", service.Spec.Selector["app.kubernetes.io/component"]);
    }

    [Fact]
    public void No_ingress_without_spec_odoo_ingress() =>
        Assert.Null(OdooWorkloadBuilder.Ingress(WorkloadFixtures.Environment()));

    [Theory]
    [InlineData(null, null)]
    [InlineData("nginx", "shop-tls")]
    public void Ingress_routes_the_host_with_optional_class_and_tls(string? className, string? tlsSecretName)
    {
        var ingress = OdooWorkloadBuilder.Ingress(WorkloadFixtures.Environment(odoo: o =>
            o.Ingress = new IngressSpec { Host = "shop.acme.example", ClassName = className, TlsSecretName = tlsSecretName }))!;

        Assert.Equal(className, ingress.Spec.IngressClassName);
        if (tlsSecretName is null)
            Assert.Null(ingress.Spec.Tls);
        else
            Assert.Equal(("shop.acme.example", tlsSecretName), (Assert.Single(Assert.Single(ingress.Spec.Tls).Hosts), ingress.Spec.Tls[0].SecretName));
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal("shop.acme.example", rule.Host);
        Assert.Equal(
            [("/", "Prefix", "production-odoo", 8069), ("/websocket", "Prefix", "production-odoo", 8072)],
            rule.Http.Paths.Select(p => (p.Path, p.PathType, p.Backend.Service.Name, p.Backend.Service.Port.Number!.Value)));
    }

    [Fact]
    public void Without_workers_websockets_go_to_the_http_port()
    {
        var ingress = OdooWorkloadBuilder.Ingress(WorkloadFixtures.Environment(odoo: o =>
        {
            o.Workers = 0;
            o.Ingress = new IngressSpec { Host = "shop.acme.example" };
        }))!;

        Assert.Equal(8069, ingress.Spec.Rules[0].Http.Paths.Single(p => p.Path == "/websocket").Backend.Service.Port.Number);
    }

    [Theory]
    [InlineData(null, "ReadWriteOnce")]
    [InlineData(1, "ReadWriteOnce")]
    [InlineData(2, "ReadWriteMany")]
    public void The_filestore_is_shared_read_write_only_with_several_replicas(int? replicas, string accessMode)
    {
        var claim = OdooWorkloadBuilder.Filestore(WorkloadFixtures.Environment(odoo: o => o.Replicas = replicas))!;

        Assert.Equal([accessMode], claim.Spec.AccessModes);
        Assert.Equal("10Gi", claim.Spec.Resources.Requests["storage"].ToString());
        Assert.Null(claim.Spec.StorageClassName);
        Assert.Equal("production-filestore", claim.Metadata.Name);
    }

    [Fact]
    public void The_filestore_takes_size_and_storage_class_from_the_spec()
    {
        var claim = OdooWorkloadBuilder.Filestore(WorkloadFixtures.Environment(odoo: o => o.Filestore = new FilestoreSpec { Size = "50Gi", StorageClassName = "fast" }))!;

        Assert.Equal(("50Gi", "fast"), (claim.Spec.Resources.Requests["storage"].ToString(), claim.Spec.StorageClassName));
    }

    [Fact]
    public void No_filestore_is_created_for_an_existing_claim() =>
        Assert.Null(OdooWorkloadBuilder.Filestore(WorkloadFixtures.Environment(odoo: o => o.Filestore = new FilestoreSpec { ClaimName = "existing" })));

    [Fact]
    public void Odoo_conf_names_one_database_and_leaves_crons_to_the_cron_workload()
    {
        var configMap = OdooWorkloadBuilder.OdooConfig(WorkloadFixtures.Environment("feature-login", o => o.Workers = 4));

        Assert.Equal("feature-login-odoo-conf", configMap.Metadata.Name);
        Assert.Equal(
            """
            [options]
            addons_path = /mnt/extra-addons
            data_dir = /var/lib/odoo
            db_name = feature_login
            dbfilter = ^feature_login$
            list_db = False
            proxy_mode = True
            workers = 4
            max_cron_threads = 0

            """.ReplaceLineEndings("\n"),
            configMap.Data["odoo.conf"]);
    }

    [Fact]
    public void Odoo_conf_uses_the_database_name_from_the_spec_two_workers_by_default_and_an_exact_filter()
    {
        var conf = OdooWorkloadBuilder.OdooConfig(WorkloadFixtures.Environment(odoo: o => o.Database.Name = "shop_live")).Data["odoo.conf"];
        var dotted = OdooWorkloadBuilder.OdooConfig(WorkloadFixtures.Environment("prod.eu")).Data["odoo.conf"];

        Assert.Contains("db_name = shop_live\n", conf, StringComparison.Ordinal);
        Assert.Contains("workers = 2\n", conf, StringComparison.Ordinal);
        Assert.Contains("dbfilter = ^prod\\.eu$\n", dotted, StringComparison.Ordinal);
    }

    private static V1Deployment Web(Action<OdooWorkloadSpec>? odoo = null) =>
        OdooWorkloadBuilder.Web(WorkloadFixtures.Environment(odoo: odoo), Image);

    private static V1Container WebContainer(V1Deployment web) => Assert.Single(web.Spec.Template.Spec.Containers);
}
