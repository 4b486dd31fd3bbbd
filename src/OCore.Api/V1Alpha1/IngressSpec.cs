using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class IngressSpec
{
    [Required]
    [Description("Host name; in a BranchMapping template {branch} stands for the branch's DNS-safe name.")]
    [RegularExpression("^(\\*\\.)?([a-z0-9{}]([-a-z0-9{}]*[a-z0-9{}])?\\.)*[a-z0-9{}]([-a-z0-9{}]*[a-z0-9{}])?$")]
    [MaxLength(253)]
    public string Host { get; set; } = "";

    [Description("IngressClass to use; the cluster default when empty.")]
    public string? ClassName { get; set; }

    [Description("TLS Secret for the host; the URL is https when set.")]
    public string? TlsSecretName { get; set; }
}
