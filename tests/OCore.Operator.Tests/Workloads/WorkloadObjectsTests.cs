using k8s;
using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

/// <summary>What every object the pipeline creates shares: namespace, labels, owner, determinism.</summary>
public sealed class WorkloadObjectsTests
{
    private const string Image = "registry.acme.example/shop/odoo:" + WorkloadFixtures.Commit;

    public static TheoryData<string, string> Objects => new()
    {
        { "Dockerfile", "Deployment" },
        { "BuildJob", "Deployment" },
        { "UpdateJob", "Deployment" },
        { "OdooConfig", "Environment" },
        { "Web", "Environment" },
        { "Cron", "Environment" },
        { "Service", "Environment" },
        { "Ingress", "Environment" },
        { "Filestore", "Environment" },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Every_object_is_in_the_environment_namespace_labelled_and_owned(string kind, string ownerKind)
    {
        var metadata = Build(kind).Metadata;

        Assert.Equal(WorkloadFixtures.Namespace, metadata.NamespaceProperty);
        Assert.Equal("ocore", metadata.Labels[Labels.ManagedBy]);
        Assert.Equal("ocore", metadata.Labels[Labels.PartOf]);
        Assert.Equal("shop", metadata.Labels[Labels.Project]);
        Assert.Equal("production", metadata.Labels[Labels.Environment]);
        var owner = Assert.Single(metadata.OwnerReferences);
        Assert.Equal((ownerKind, true, true), (owner.Kind, owner.Controller == true, owner.BlockOwnerDeletion == true));
        Assert.Equal(ownerKind == "Deployment" ? "deployment-uid" : "environment-uid", owner.Uid);
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void The_same_input_gives_the_same_json(string kind, string ownerKind)
    {
        Assert.NotNull(ownerKind);
        var first = KubernetesJson.Serialize(Build(kind));

        Assert.Equal(first, KubernetesJson.Serialize(Build(kind)));
        Assert.Contains("\"kind\":", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_environment_names_become_valid_label_values()
    {
        var environment = WorkloadFixtures.Environment(new string('p', 100));
        var labels = OdooWorkloadBuilder.Web(environment, Image).Spec.Template.Metadata.Labels;

        Assert.All(labels.Values, value => Assert.True(value.Length <= 63, value));
    }

    private static IKubernetesObject<V1ObjectMeta> Build(string kind)
    {
        var environment = WorkloadFixtures.Environment(pushSecret: "push", odoo: o =>
        {
            o.Replicas = 2;
            o.Resources = new ResourceRequirements { Requests = new Dictionary<string, string> { ["memory"] = "1Gi", ["cpu"] = "1" } };
            o.Ingress = new IngressSpec { Host = "shop.acme.example", TlsSecretName = "tls" };
        });
        var project = WorkloadFixtures.Project();
        var deployment = WorkloadFixtures.Deployment();
        return kind switch
        {
            "Dockerfile" => BuildJobBuilder.Dockerfile(project, environment, deployment),
            "BuildJob" => BuildJobBuilder.Build(project, environment, deployment, new PipelineImages()),
            "UpdateJob" => ModuleUpdateJobBuilder.Build(environment, deployment, Image, ["sale", "stock"], ["new"]),
            "OdooConfig" => OdooWorkloadBuilder.OdooConfig(environment),
            "Web" => OdooWorkloadBuilder.Web(environment, Image),
            "Cron" => OdooWorkloadBuilder.Cron(environment, Image, 1),
            "Service" => OdooWorkloadBuilder.Service(environment),
            "Ingress" => OdooWorkloadBuilder.Ingress(environment)!,
            "Filestore" => OdooWorkloadBuilder.Filestore(environment)!,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
