using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.Runtime.Writing;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.BranchMappings;

/// <summary>Builds the Environment a template mapping creates for one branch. Pure.</summary>
public static class BranchEnvironmentBuilder
{
    public const string BranchPlaceholder = "{branch}";

    public static Environment Build(BranchMapping mapping, string branch)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var template = mapping.Spec.EnvironmentTemplate ?? throw new InvalidOperationException($"BranchMapping {mapping.Metadata.Name} has no environmentTemplate");
        var settings = KubernetesJson.Deserialize<EnvironmentSpec>(KubernetesJson.Serialize(template));
        settings.ProjectRef = new LocalObjectReference { Name = mapping.Spec.ProjectRef.Name };
        settings.Stage ??= Stage.Development;
        if (settings.Odoo.Ingress is { } ingress)
            ingress.Host = ingress.Host.Replace(BranchPlaceholder, ObjectNames.DnsLabel(branch), StringComparison.Ordinal);
        var name = ObjectNames.ForBranchEnvironment(mapping.Metadata.Name, branch);
        if (settings.Odoo.Database.Name is null)
            settings.Odoo.Database.Name = name.Replace('-', '_');

        return new Environment
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = mapping.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>
                {
                    [Labels.ManagedBy] = Labels.ManagedByValue,
                    [Labels.Project] = mapping.Spec.ProjectRef.Name,
                    [Labels.BranchMapping] = mapping.Metadata.Name,
                    [Labels.Branch] = ObjectNames.LabelValue(branch),
                },
                Annotations = new Dictionary<string, string> { [Annotations.Branch] = branch },
                OwnerReferences = [OwnerReferences.ControllerOf(mapping)],
            },
            Spec = settings,
        };
    }
}
