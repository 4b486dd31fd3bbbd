using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

public sealed record MappingRow(string Name, string Branch, string Target, bool Ready, string? Message, string? LastDeployment, IReadOnlyList<string> BranchEnvironments)
{
    public static MappingRow From(BranchMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var ready = Conditions.Find(mapping.Status?.Conditions, ConditionTypes.Ready);
        var target = mapping.Spec.EnvironmentRef?.Name
            ?? $"one {(mapping.Spec.EnvironmentTemplate?.Stage ?? Stage.Development).ToString().ToLowerInvariant()} environment per branch";
        return new(mapping.Metadata.Name, mapping.Spec.Branch, target, ready?.Status == ConditionStatus.True,
            ready?.Message is { Length: > 0 } message ? message : null, mapping.Status?.LastDeployment,
            mapping.Status?.Environments?.Select(e => $"{e.Branch} → {e.Name}").ToList() ?? []);
    }
}
