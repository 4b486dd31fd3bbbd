using OCore.Api.V1Alpha1;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>
/// Which mappings a preset writes for a project: each branch to the project's environment of that stage; the
/// per-branch line copies the development environment, else staging, else production. Pure.
/// </summary>
internal static class StrategyPlans
{
    /// <summary>The mappings, or the stages that have no environment yet (then nothing is written).</summary>
    public static (IReadOnlyList<PlannedMapping> Mappings, IReadOnlyList<Stage> Missing) Plan(StrategyPreset preset, IReadOnlyList<Environment> environments)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(environments);
        var byStage = environments
            .Where(e => e.Status?.Branch is null && e.Spec.Stage is not null)
            .OrderBy(e => e.Metadata.Name, StringComparer.Ordinal)
            .GroupBy(e => e.Spec.Stage!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        var mappings = new List<PlannedMapping>();
        var missing = new List<Stage>();
        foreach (var line in preset.Mappings)
        {
            if (line.PerBranch)
            {
                var template = new[] { Stage.Development, Stage.Staging, Stage.Production }.Select(s => byStage.GetValueOrDefault(s)).FirstOrDefault(e => e is not null);
                if (template is null)
                    missing.Add(line.Stage);
                else
                    mappings.Add(new(line.Branch, null, BranchTemplates.From(template)));
            }
            else if (byStage.TryGetValue(line.Stage, out var environment))
            {
                mappings.Add(new(line.Branch, environment.Metadata.Name, null));
            }
            else
            {
                missing.Add(line.Stage);
            }
        }

        return missing.Count > 0 ? ([], missing) : (mappings, []);
    }
}
