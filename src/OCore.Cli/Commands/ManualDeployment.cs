using System.Text.RegularExpressions;
using k8s.Models;
using OCore.Api.Branches;
using OCore.Api.Naming;
using OCore.Api.Routing;
using OCore.Api.Schema;
using OCore.Api.V1Alpha1;

namespace OCore.Cli.Commands;

/// <summary>Builds the Deployment <c>ocore deploy trigger</c> creates, named as a push of the same commit would be.</summary>
public static class ManualDeployment
{
    private static readonly DeploymentTrigger Trigger = new() { Source = TriggerSource.Manual };

    /// <summary>To the given environment, or to the one the project's BranchMappings route the branch to.</summary>
    public static Deployment Build(string @namespace, string project, string branch, string commit, string? environment, IEnumerable<BranchMapping> mappings)
    {
        if (!Regex.IsMatch(commit, Patterns.CommitSha))
            throw new CliException(ExitCodes.Usage, $"--commit: \"{commit}\" is not a full 40-character commit id (git rev-parse {branch} prints it)");
        if (environment is not null)
            return ToEnvironment(@namespace, project, branch, commit, environment);

        var resolution = PushTargets.Router(mappings.Where(m => m.Spec.ProjectRef.Name == project)).Resolve(branch);
        return resolution.Kind switch
        {
            BranchResolutionKind.Matched => PushTargets.Deployment(@namespace, project, resolution.Winner!.Target, branch, commit, Trigger),
            BranchResolutionKind.NoMatch => throw new CliException(ExitCodes.Usage,
                $"no BranchMapping of Project {project} matches branch {branch}; pass --environment ENV or map it: ocore project map-branch {project} --branch {branch} --environment ENV"),
            BranchResolutionKind.Conflict => throw new CliException(ExitCodes.Usage,
                $"branch {branch} matches several BranchMappings equally ({string.Join(", ", resolution.Rules.Select(r => r.Target.Metadata.Name))}); pass --environment ENV"),
            _ => throw new CliException(ExitCodes.Usage, $"--branch: {resolution.Error}"),
        };
    }

    private static Deployment ToEnvironment(string @namespace, string project, string branch, string commit, string environment) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = ObjectNames.ForDeployment(project, environment, commit),
            NamespaceProperty = @namespace,
            Labels = new Dictionary<string, string>
            {
                [Labels.Project] = project,
                [Labels.Environment] = environment,
                [Labels.Branch] = ObjectNames.LabelValue(branch),
            },
            Annotations = new Dictionary<string, string> { [Annotations.Branch] = branch },
        },
        Spec = new DeploymentSpec
        {
            ProjectRef = new LocalObjectReference { Name = project },
            EnvironmentRef = new LocalObjectReference { Name = environment },
            Branch = branch,
            Commit = commit,
            Trigger = Trigger,
        },
    };
}
