using k8s;
using OCore.Api.V1Alpha1;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>
/// The template of per-branch environments, copied from an existing environment of the project: same image repository
/// and database server, but a development stage, one replica, its own database and volume, and a host per branch.
/// </summary>
internal static class BranchTemplates
{
    public static EnvironmentSettings From(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var copy = KubernetesJson.Deserialize<EnvironmentSettings>(KubernetesJson.Serialize(environment.Spec));
        copy.Stage = Stage.Development;
        copy.Odoo.Replicas = 1;
        copy.Odoo.Workers = 0;
        // Never the base environment's own database or volume: each branch gets its own (named after its environment).
        copy.Odoo.Database.Name = null;
        if (copy.Odoo.Filestore is { } filestore)
        {
            filestore.ClaimName = null;
            filestore.Size ??= "2Gi";
        }

        if (copy.Odoo.Ingress is { Host.Length: > 0 } ingress && !ingress.Host.Contains("{branch}", StringComparison.Ordinal))
        {
            ingress.Host = "{branch}." + ingress.Host;
            ingress.TlsSecretName = null;
        }

        return copy;
    }
}
