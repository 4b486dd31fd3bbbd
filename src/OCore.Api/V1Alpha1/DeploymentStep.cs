using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class DeploymentStep
{
    [Required]
    [Description("Build, UpdateModules or Rollout.")]
    public string Name { get; set; } = "";

    [Required]
    public StepState State { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    [Description("What the step did, or its error (the tail of its log, secrets redacted).")]
    public string? Message { get; set; }

    [Description("The Job (or workload) that runs the step.")]
    public string? JobRef { get; set; }
}
