using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[CelRule("has(self.environmentRef) != has(self.environmentTemplate)",
    "exactly one of environmentRef or environmentTemplate must be set")]
public sealed class BranchMappingSpec
{
    [Required]
    [Description("The Project whose pushes this mapping routes.")]
    public LocalObjectReference ProjectRef { get; set; } = new();

    [Required]
    [Description("Branch name (main) or glob: * matches within one path segment (feature/*), ** across segments (release/**).")]
    [RegularExpression(Patterns.BranchCharacters)]
    [CelRule(Patterns.BranchRule, "branch " + Patterns.BranchRuleMessage)]
    [MaxLength(255)]
    public string Branch { get; set; } = "";

    [Description("An existing Environment every matching push deploys to.")]
    public LocalObjectReference? EnvironmentRef { get; set; }

    [Description("Creates one Environment per matching branch on its first push, deleted with the branch.")]
    public EnvironmentSettings? EnvironmentTemplate { get; set; }
}
