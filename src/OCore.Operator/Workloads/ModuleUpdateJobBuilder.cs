using System.Text.RegularExpressions;
using k8s.Models;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>Builds the Job that updates and installs Odoo modules on the new image before it serves. Pure.</summary>
public static partial class ModuleUpdateJobBuilder
{
    public const string ContainerName = "update-modules";

    /// <summary>
    /// The Job running <c>odoo -d db --no-http --stop-after-init -u update -i install</c> on <paramref name="image"/>, the image
    /// just built (<c>repository:commit@digest</c>, <c>repository@digest</c> or <c>repository:commit</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Both lists are empty (the caller skips the step), or a name is not a module name.</exception>
    public static V1Job Build(Environment environment, Deployment deployment, string image, IReadOnlyList<string> update, IReadOnlyList<string> install)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentException.ThrowIfNullOrEmpty(image);
        var args = OdooPods.OdooArgs("-d", OdooSettings.DatabaseName(environment), "--no-http", "--stop-after-init");
        args.AddRange(ModuleOption("-u", update, nameof(update)));
        args.AddRange(ModuleOption("-i", install, nameof(install)));
        if (update.Count == 0 && install.Count == 0)
            throw new ArgumentException("no module to update or install; skip the step instead", nameof(update));

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = WorkloadMetadata.For(WorkloadNames.UpdateJob(deployment), environment, deployment,
                WorkloadLabels.ForPipeline(environment, deployment, WorkloadLabels.UpdateComponent)),
            Spec = new V1JobSpec
            {
                // A half-applied update is not retried blindly; the failure is reported with the Job's log.
                BackoffLimit = 0,
                ActiveDeadlineSeconds = 3600,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = WorkloadLabels.ForPipeline(environment, deployment, WorkloadLabels.UpdateComponent) },
                    Spec = OdooPods.Spec(environment, OdooPods.Container(environment, ContainerName, image, args), "Never"),
                },
            },
        };
    }

    /// <summary>The option and its comma-separated list, or nothing for an empty list.</summary>
    private static string[] ModuleOption(string option, IReadOnlyList<string> modules, string parameter)
    {
        ArgumentNullException.ThrowIfNull(modules, parameter);
        // Module names come from the repository; a name such as "--foo" must never become an Odoo option.
        foreach (var module in modules)
        {
            if (!ModuleName().IsMatch(module))
                throw new ArgumentException($"'{module}' is not an Odoo module name", parameter);
        }

        return modules.Count == 0 ? [] : [option, string.Join(',', modules)];
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex ModuleName();
}
