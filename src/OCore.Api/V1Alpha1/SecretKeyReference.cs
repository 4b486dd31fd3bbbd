using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

/// <summary>One key of a Secret in the same namespace.</summary>
public sealed class SecretKeyReference
{
    [Required]
    [Description("Name of the Secret.")]
    [RegularExpression(Patterns.Dns1123Subdomain)]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Required]
    [Description("Key within the Secret.")]
    [RegularExpression("^[-._a-zA-Z0-9]+$")]
    public string Key { get; set; } = "";
}
