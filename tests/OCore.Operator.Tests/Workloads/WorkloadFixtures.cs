using k8s.Models;
using OCore.Api.V1Alpha1;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Tests.Workloads;

/// <summary>A project, environment and deployment as the API server would hand them to the controller.</summary>
internal static class WorkloadFixtures
{
    public const string Namespace = "acme";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public static Project Project(string? baseImage = null, string url = "git@github.com:acme/odoo-custom.git") => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = Namespace, Uid = "project-uid" },
        Spec = new ProjectSpec
        {
            Repository = new RepositorySpec { Url = url },
            Odoo = new ProjectOdooSpec { Version = "18.0", BaseImage = baseImage },
        },
    };

    public static Environment Environment(string name = "production", Action<OdooWorkloadSpec>? odoo = null, string? pushSecret = null)
    {
        var environment = new Environment
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Uid = "environment-uid" },
            Spec = new EnvironmentSpec
            {
                ProjectRef = new LocalObjectReference { Name = "shop" },
                Stage = Stage.Production,
                Image = new ImageSpec
                {
                    Repository = "registry.acme.example/shop/odoo",
                    PushSecretRef = pushSecret is null ? null : new LocalObjectReference { Name = pushSecret },
                },
                Odoo = new OdooWorkloadSpec { Database = new DatabaseSpec { SecretRef = new LocalObjectReference { Name = "shop-db" } } },
            },
        };
        odoo?.Invoke(environment.Spec.Odoo);
        return environment;
    }

    public static Deployment Deployment(string name = "shop-production-0123456789ab-1a2b3c4d", string commit = Commit) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Uid = "deployment-uid" },
        Spec = new DeploymentSpec
        {
            ProjectRef = new LocalObjectReference { Name = "shop" },
            EnvironmentRef = new LocalObjectReference { Name = "production" },
            Branch = "main",
            Commit = commit,
        },
    };
}
