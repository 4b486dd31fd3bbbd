using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

/// <summary>A reference to an object in the same namespace.</summary>
public sealed class LocalObjectReference
{
    [Required]
    [Description("Name of the object in the same namespace.")]
    [RegularExpression(Patterns.Dns1123Subdomain)]
    [MaxLength(253)]
    public string Name { get; set; } = "";
}
