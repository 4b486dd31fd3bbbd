using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>The spec's "Common Branch Strategies": Simple, Staging, Full and Feature.</summary>
public sealed record StrategyPreset(string Name, string Description, IReadOnlyList<PresetMapping> Mappings)
{
    public static readonly IReadOnlyList<StrategyPreset> All =
    [
        new("Simple", "main → Production", [new("main", Stage.Production, false)]),
        new("Staging", "main → Production, staging → Staging", [new("main", Stage.Production, false), new("staging", Stage.Staging, false)]),
        new("Full", "main → Production, staging → Staging, develop → Development",
            [new("main", Stage.Production, false), new("staging", Stage.Staging, false), new("develop", Stage.Development, false)]),
        new("Feature", "main → Production, staging → Staging, feature/* → one development environment per branch",
            [new("main", Stage.Production, false), new("staging", Stage.Staging, false), new("feature/*", Stage.Development, true)]),
    ];

    public static StrategyPreset? Find(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
