using System.Text.RegularExpressions;
using OCore.Api.Branches;
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
            return PushTargets.Deployment(@namespace, project, environment, branch, commit, Trigger);

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
}
