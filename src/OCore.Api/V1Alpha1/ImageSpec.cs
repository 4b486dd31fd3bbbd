using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class ImageSpec
{
    [Required]
    [Description("Image repository built images are pushed to, e.g. registry.example.com/acme/odoo; the tag is the commit.")]
    [RegularExpression("^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    [MaxLength(255)]
    public string Repository { get; set; } = "";

    [Description("Secret of type kubernetes.io/dockerconfigjson used to push, and to pull from the cluster.")]
    public LocalObjectReference? PushSecretRef { get; set; }
}
