using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

public sealed class ProjectOdooSpec
{
    [Required]
    [Description("Odoo series, e.g. \"18.0\".")]
    [RegularExpression(Patterns.OdooVersion)]
    public string Version { get; set; } = "";

    [Description("Base image the addons are built on; defaults to the official odoo:<version> image.")]
    [MaxLength(512)]
    public string? BaseImage { get; set; }
}
