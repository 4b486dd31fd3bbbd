using System.ComponentModel.DataAnnotations;

namespace OCore.Operator.Hosting;

/// <summary>Images of the pipeline's Jobs (section <c>Operator:Images</c>), so air-gapped clusters can mirror them.</summary>
public sealed class PipelineImageOptions
{
    [Required]
    public string Git { get; set; } = "alpine/git:2.47.2";

    [Required]
    public string Builder { get; set; } = "gcr.io/kaniko-project/executor:v1.23.2-debug";

    /// <summary>Repository of the official Odoo images; a project's base image is <c>&lt;this&gt;:&lt;odoo version&gt;</c> unless it names one.</summary>
    [Required]
    public string DefaultOdooRepository { get; set; } = "odoo";
}
