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
    /// just built (<c>repository:commit@digest</c>, <c>repository@digest</c> or <c>repository:commit</c>). When modules
    /// are updated and <paramref name="backupsKept"/> is above zero, the database is dumped first (<see cref="DatabaseBackup"/>):
    /// a dump that fails fails the Job, and the update does not run.
    /// </summary>
    /// <exception cref="ArgumentException">Both lists are empty (the caller skips the step), or a name is not a module name.</exception>
    public static V1Job Build(Environment environment, Deployment deployment, string image, IReadOnlyList<string> update, IReadOnlyList<string> install,
        int backupsKept = 0)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentOutOfRangeException.ThrowIfNegative(backupsKept);
        var database = OdooSettings.DatabaseName(environment);
        var args = OdooPods.OdooArgs("-d", database, "--no-http", "--stop-after-init");
        args.AddRange(ModuleOption("-u", update, nameof(update)));
        args.AddRange(ModuleOption("-i", install, nameof(install)));
        if (update.Count == 0 && install.Count == 0)
            throw new ArgumentException("no module to update or install; skip the step instead", nameof(update));

        var container = OdooPods.Container(environment, ContainerName, image, args);
        // Installing new modules only adds to the database; updating changes what is there, so that is backed up.
        if (update.Count > 0 && backupsKept > 0)
        {
            container.Command = ["/bin/sh", "-c", DatabaseBackup.Script, ContainerName];
            container.Args = [database, backupsKept.ToString(System.Globalization.CultureInfo.InvariantCulture), ShortCommit(deployment.Spec.Commit), .. args];
            container.Env.Add(new V1EnvVar { Name = "BACKUP_DIR", Value = DatabaseBackup.Directory });
        }

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
                    Spec = OdooPods.Spec(environment, container, "Never"),
                },
            },
        };
    }

    private static string ShortCommit(string commit) => commit.Length > 12 ? commit[..12] : commit;

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
