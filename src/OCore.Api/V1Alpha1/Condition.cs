using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

/// <summary>A status condition, as metav1.Condition defines it.</summary>
public sealed class Condition
{
    [Required]
    [Description("Kind of condition, e.g. Ready.")]
    public string Type { get; set; } = "";

    [Required]
    [Description("True, False or Unknown.")]
    [AllowedValues("True", "False", "Unknown")]
    public string Status { get; set; } = ConditionStatus.Unknown;

    [Required]
    [Description("Machine-readable CamelCase reason.")]
    public string Reason { get; set; } = "";

    [Description("What happened, and what to do about it.")]
    public string Message { get; set; } = "";

    [Required]
    [Description("When status last changed.")]
    public DateTime LastTransitionTime { get; set; }

    [Description("The metadata.generation this condition was set for.")]
    public long? ObservedGeneration { get; set; }
}
