using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.Schema;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>Deterministic names of the objects the pipeline creates; every one is a DNS-1123 label of at most 63 characters.</summary>
public static partial class WorkloadNames
{
    public static string BuildJob(Deployment d) => Child(Owner(d), "build");

    public static string UpdateJob(Deployment d) => Child(Owner(d), "update");

    /// <summary>The ConfigMap holding the generated Dockerfile.</summary>
    public static string BuildContext(Deployment d) => Child(Owner(d), "dockerfile");

    public static string Web(Environment e) => Child(Owner(e), "odoo");

    public static string Cron(Environment e) => Child(Owner(e), "odoo-cron");

    public static string Service(Environment e) => Child(Owner(e), "odoo");

    public static string Ingress(Environment e) => Child(Owner(e), "odoo");

    /// <summary>The volume oCore creates; <see cref="OdooWorkloadBuilder.FilestoreClaimName"/> is the one pods mount.</summary>
    public static string Filestore(Environment e) => Child(Owner(e), "filestore");

    public static string OdooConfig(Environment e) => Child(Owner(e), "odoo-conf");

    private static string Owner(IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentException.ThrowIfNullOrEmpty(owner.Metadata?.Name, nameof(owner));
        return owner.Metadata.Name;
    }

    // Owners' names are DNS subdomains and may hold dots, which labels (Service names, job-name) do not allow.
    private static string Child(string owner, string suffix)
    {
        var name = ObjectNames.ForChild(owner, suffix);
        return DnsLabel().IsMatch(name) ? name : ObjectNames.ForChild(ObjectNames.DnsLabel(owner), suffix);
    }

    [GeneratedRegex(Patterns.Dns1123Label)]
    private static partial Regex DnsLabel();
}
