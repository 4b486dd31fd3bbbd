using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>Labels of the objects the pipeline creates: oCore's own, plus the well-known app.kubernetes.io ones.</summary>
public static class WorkloadLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOfValue = "ocore";
    public const string OdooName = "odoo";

    public const string WebComponent = "web";
    public const string CronComponent = "cron";
    public const string BuildComponent = "build";
    public const string UpdateComponent = "update-modules";

    /// <summary>What every object carries, so selectors find everything of one project or environment.</summary>
    public static Dictionary<string, string> Common(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new Dictionary<string, string>
        {
            [Labels.ManagedBy] = Labels.ManagedByValue,
            [Labels.PartOf] = PartOfValue,
            [Labels.Project] = ObjectNames.LabelValue(environment.Spec.ProjectRef.Name),
            [Labels.Environment] = ObjectNames.LabelValue(environment.Metadata.Name),
        };
    }

    /// <summary>The selector of one Odoo workload; kept small because a Deployment's selector cannot change.</summary>
    public static Dictionary<string, string> Selector(Environment environment, string component)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new Dictionary<string, string>
        {
            [Name] = OdooName,
            [Instance] = ObjectNames.LabelValue(environment.Metadata.Name),
            [Component] = component,
        };
    }

    /// <summary>Labels of an Odoo workload object and its pods.</summary>
    public static Dictionary<string, string> ForWorkload(Environment environment, string component)
    {
        var labels = Common(environment);
        foreach (var (key, value) in Selector(environment, component))
            labels[key] = value;
        return labels;
    }

    /// <summary>Labels of a pipeline Job (and its pods and ConfigMap) for one Deployment.</summary>
    public static Dictionary<string, string> ForPipeline(Environment environment, Deployment deployment, string component)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var labels = Common(environment);
        labels[Labels.Deployment] = ObjectNames.LabelValue(deployment.Metadata.Name);
        labels[Component] = component;
        return labels;
    }
}
