using k8s.Models;
using OCore.Api.Branches;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;

namespace OCore.Api.Routing;

/// <summary>
/// Where a pushed branch deploys, and the Deployment that does it. Shared by the webhook receiver and the
/// operator's poller, so a webhook and a poll of the same push always agree on the name (and create it once).
/// </summary>
public static class PushTargets
{
    /// <summary>A router over one project's BranchMappings (those being deleted left out).</summary>
    public static BranchRouter<BranchMapping> Router(IEnumerable<BranchMapping> mappings) =>
        new(mappings.Where(m => m.Metadata.DeletionTimestamp is null)
            .Select(m => new BranchRule<BranchMapping>(new BranchGlob(m.Spec.Branch), m)));

    /// <summary>The Environment a branch of this mapping deploys to: the fixed one, or its own from the template.</summary>
    public static string EnvironmentFor(BranchMapping mapping, string branch)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mapping.Spec.EnvironmentRef?.Name ?? ObjectNames.ForBranchEnvironment(mapping.Metadata.Name, branch);
    }

    /// <summary>The Deployment of <paramref name="commit"/> of <paramref name="branch"/> through <paramref name="mapping"/>.</summary>
    public static Deployment Deployment(string @namespace, string project, BranchMapping mapping, string branch, string commit, DeploymentTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return Deployment(@namespace, project, EnvironmentFor(mapping, branch), branch, commit, trigger, mapping.Metadata.Name);
    }

    /// <summary>
    /// The Deployment of <paramref name="commit"/> to <paramref name="environment"/>; <paramref name="mapping"/> names the
    /// BranchMapping that routed it, when one did (a manual deployment names its environment itself).
    /// </summary>
    public static Deployment Deployment(string @namespace, string project, string environment, string branch, string commit, DeploymentTrigger trigger,
        string? mapping = null)
    {
        var labels = new Dictionary<string, string>
        {
            [Labels.Project] = project,
            [Labels.Environment] = environment,
            [Labels.Branch] = ObjectNames.LabelValue(branch),
        };
        if (mapping is not null)
            labels[Labels.BranchMapping] = mapping;
        return new Deployment
        {
            Metadata = new V1ObjectMeta
            {
                Name = ObjectNames.ForDeployment(project, environment, commit),
                NamespaceProperty = @namespace,
                Labels = labels,
                Annotations = new Dictionary<string, string> { [Annotations.Branch] = branch },
            },
            Spec = new DeploymentSpec
            {
                ProjectRef = new LocalObjectReference { Name = project },
                EnvironmentRef = new LocalObjectReference { Name = environment },
                Branch = branch,
                Commit = commit,
                Trigger = trigger,
            },
        };
    }
}
