using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.WebhookReceiver.Dashboard.Views;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Dashboard.Tests.Views;

/// <summary>The spec's branch strategies as mappings of a project's environments, and the per-branch template.</summary>
public sealed class StrategyPlansTests
{
    [Fact]
    public void Feature_maps_main_and_staging_to_their_environments_and_feature_branches_to_copies_of_staging()
    {
        var (mappings, missing) = StrategyPlans.Plan(StrategyPreset.Find("feature")!, [Env("prod", Stage.Production), Env("stage", Stage.Staging)]);

        Assert.Empty(missing);
        Assert.Equal(["main", "staging", "feature/*"], mappings.Select(m => m.Branch));
        Assert.Equal(["prod", "stage", null], mappings.Select(m => m.EnvironmentName));
        var template = mappings[2].Template!;
        Assert.Equal(Stage.Development, template.Stage);
        Assert.Equal("{branch}.stage.acme.example", template.Odoo.Ingress!.Host);
        Assert.Null(template.Odoo.Database.Name); // each branch its own database, never the base environment's
        Assert.Null(template.Odoo.Filestore!.ClaimName);
        Assert.Equal(1, template.Odoo.Replicas);
    }

    [Fact]
    public void A_strategy_whose_stage_has_no_environment_writes_nothing_and_names_the_stage()
    {
        var (mappings, missing) = StrategyPlans.Plan(StrategyPreset.Find("Full")!, [Env("prod", Stage.Production), Env("stage", Stage.Staging)]);

        Assert.Empty(mappings);
        Assert.Equal([Stage.Development], missing);
    }

    [Fact]
    public void Per_branch_environments_are_never_a_strategys_target()
    {
        var perBranch = Env("feature-x", Stage.Production);
        perBranch.Status = new EnvironmentStatus { Branch = "feature/x" };

        var (_, missing) = StrategyPlans.Plan(StrategyPreset.Find("Simple")!, [perBranch]);

        Assert.Equal([Stage.Production], missing);
    }

    private static Environment Env(string name, Stage stage) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "acme" },
        Spec = new EnvironmentSpec
        {
            ProjectRef = new LocalObjectReference { Name = "erp" },
            Stage = stage,
            Image = new ImageSpec { Repository = "registry.acme.example/odoo/erp" },
            Odoo = new OdooWorkloadSpec
            {
                Replicas = 3,
                Database = new DatabaseSpec { SecretRef = new LocalObjectReference { Name = "db" }, Name = "erp_" + name },
                Filestore = new FilestoreSpec { ClaimName = name + "-files" },
                Ingress = new IngressSpec { Host = name + ".acme.example", TlsSecretName = name + "-tls" },
            },
        },
    };
}
