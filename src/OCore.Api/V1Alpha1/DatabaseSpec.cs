using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class DatabaseSpec
{
    [Required]
    [Description("Secret with keys host, port, user and password of the PostgreSQL server.")]
    public LocalObjectReference SecretRef { get; set; } = new();

    [Description("Database name; defaults to the environment's name.")]
    [RegularExpression("^[A-Za-z0-9_-]{1,63}$")]
    public string? Name { get; set; }
}
