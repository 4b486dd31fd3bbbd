using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

/// <summary>What an Environment runs; also the template of per-branch environments in a BranchMapping.</summary>
public class EnvironmentSettings
{
    [Description("production, staging or development.")]
    [DefaultValue("development")]
    public Stage? Stage { get; set; }

    [Required]
    [Description("Where built images are pushed.")]
    public ImageSpec Image { get; set; } = new();

    [Required]
    [Description("The Odoo workload.")]
    public OdooWorkloadSpec Odoo { get; set; } = new();
}
