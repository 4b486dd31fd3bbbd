using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class EnvironmentSpec : EnvironmentSettings
{
    [Required]
    [Description("The Project whose code this environment runs.")]
    public LocalObjectReference ProjectRef { get; set; } = new();
}
