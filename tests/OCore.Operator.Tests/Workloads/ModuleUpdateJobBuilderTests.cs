using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

public sealed class ModuleUpdateJobBuilderTests
{
    private const string Image = "registry.acme.example/shop/odoo:" + WorkloadFixtures.Commit + "@sha256:" + "ab";

    public static TheoryData<string[], string[], string[]> Modules => new()
    {
        { ["sale_custom", "stock_custom"], [], ["-u", "sale_custom,stock_custom"] },
        { [], ["new_module"], ["-i", "new_module"] },
        { ["sale_custom"], ["new_module", "other"], ["-u", "sale_custom", "-i", "new_module,other"] },
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void Odoo_updates_and_installs_the_given_modules_without_http_and_stops(string[] update, string[] install, string[] moduleArgs)
    {
        var container = Container(ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, update, install));

        Assert.Equal(Image, container.Image);
        Assert.Equal(["odoo", "-c", "/etc/odoo/odoo.conf", "-d", "production", "--no-http", "--stop-after-init", .. moduleArgs], container.Args);
        Assert.Null(container.Command); // the official entrypoint adds the database connection
    }

    [Fact]
    public void An_update_backs_the_database_up_first_and_then_runs_the_same_odoo_command()
    {
        var plain = Container(ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, ["sale"], []));
        var container = Container(ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, ["sale"], [], backupsKept: 3));

        Assert.Equal(["/bin/sh", "-c", DatabaseBackup.Script, "update-modules"], container.Command);
        Assert.Equal(["production", "3", "0123456789ab", .. plain.Args], container.Args);
        Assert.Equal("/var/lib/odoo/backups", container.Env.Single(e => e.Name == "BACKUP_DIR").Value);
    }

    [Theory]
    [InlineData(3, new string[0], new[] { "new_module" })] // installing only adds to the database
    [InlineData(0, new[] { "sale" }, new string[0])] // Operator:BackupsKept 0 turns backups off
    public void Without_an_update_or_with_backups_off_there_is_no_backup(int backupsKept, string[] update, string[] install)
    {
        var container = Container(ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, update, install, backupsKept));

        Assert.Null(container.Command);
        Assert.DoesNotContain(container.Env, e => e.Name == "BACKUP_DIR");
    }

    [Fact]
    public void Without_modules_there_is_no_job() =>
        Assert.Throws<ArgumentException>(() => ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, [], []));

    [Theory]
    [InlineData("--load=evil")]
    [InlineData("sale,stock")]
    [InlineData("")]
    public void A_name_that_is_not_a_module_name_is_rejected(string module) =>
        Assert.Throws<ArgumentException>(() => ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, ["sale"], [module]));

    [Fact]
    public void The_database_name_comes_from_the_spec_when_set()
    {
        var environment = WorkloadFixtures.Environment(odoo: o => o.Database.Name = "shop_live");
        var args = Container(ModuleUpdateJobBuilder.Build(environment, WorkloadFixtures.Deployment(), Image, ["sale"], [])).Args;

        Assert.Equal("shop_live", args[args.IndexOf("-d") + 1]);
    }

    [Fact]
    public void The_job_reads_credentials_config_and_filestore_like_the_web_pods()
    {
        var job = ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, ["sale"], []);
        var container = Container(job);
        var pod = job.Spec.Template.Spec;

        Assert.Equal(
            [("HOST", "host"), ("PORT", "port"), ("USER", "user"), ("PASSWORD", "password")],
            container.Env.Select(e => (e.Name, e.ValueFrom.SecretKeyRef.Key)));
        Assert.All(container.Env, e => Assert.Equal(("shop-db", null), (e.ValueFrom.SecretKeyRef.Name, e.Value)));
        Assert.Equal("production-odoo-conf", pod.Volumes.Single(v => v.Name == Mount(container, "/etc/odoo").Name).ConfigMap.Name);
        Assert.Equal("production-filestore", pod.Volumes.Single(v => v.Name == Mount(container, "/var/lib/odoo").Name).PersistentVolumeClaim.ClaimName);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(101, pod.SecurityContext.RunAsUser);
    }

    [Fact]
    public void The_job_runs_once_with_a_deadline_and_belongs_to_the_deployment()
    {
        var job = ModuleUpdateJobBuilder.Build(WorkloadFixtures.Environment(), WorkloadFixtures.Deployment(), Image, ["sale"], []);

        Assert.Equal(WorkloadNames.UpdateJob(WorkloadFixtures.Deployment()), job.Metadata.Name);
        Assert.Equal(WorkloadFixtures.Namespace, job.Metadata.NamespaceProperty);
        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal(3600, job.Spec.ActiveDeadlineSeconds);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        var owner = Assert.Single(job.Metadata.OwnerReferences);
        Assert.Equal(("Deployment", "deployment-uid", true), (owner.Kind, owner.Uid, owner.Controller == true));
        Assert.Equal("update-modules", job.Metadata.Labels["app.kubernetes.io/component"]);
        Assert.Equal("shop-production-0123456789ab-1a2b3c4d", job.Metadata.Labels[Labels.Deployment]);
        Assert.Equal(job.Metadata.Labels, job.Spec.Template.Metadata.Labels);
    }

    private static V1Container Container(V1Job job) => Assert.Single(job.Spec.Template.Spec.Containers);

    private static V1VolumeMount Mount(V1Container container, string path) => Assert.Single(container.VolumeMounts, m => m.MountPath == path);
}
