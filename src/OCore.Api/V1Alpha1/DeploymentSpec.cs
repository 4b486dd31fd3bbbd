using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[CelRule("self == oldSelf", "a Deployment's spec is immutable; create a new Deployment")]
public sealed class DeploymentSpec
{
    [Required]
    public LocalObjectReference ProjectRef { get; set; } = new();

    [Required]
    public LocalObjectReference EnvironmentRef { get; set; } = new();

    [Required]
    [Description("The branch that was pushed.")]
    [RegularExpression(Patterns.BranchCharacters)]
    [MaxLength(255)]
    public string Branch { get; set; } = "";

    [Required]
    [Description("The full 40-character commit id to deploy.")]
    [RegularExpression(Patterns.CommitSha)]
    public string Commit { get; set; } = "";

    [Description("What started this deployment.")]
    public DeploymentTrigger? Trigger { get; set; }
}
