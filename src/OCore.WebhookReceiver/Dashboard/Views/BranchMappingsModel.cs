namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Project › Branch mappings: the list, the environments to map to, and the strategy presets.</summary>
public sealed record BranchMappingsModel(
    string Namespace,
    string Project,
    IReadOnlyList<MappingRow> Mappings,
    IReadOnlyList<string> Environments,
    IReadOnlyList<StrategyPreset> Presets,
    bool CanManage);
