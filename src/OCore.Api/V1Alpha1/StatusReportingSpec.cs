using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class StatusReportingSpec
{
    [Description("Secret key with a provider API token allowed to write commit statuses; used when no GitHub App installation matches.")]
    public SecretKeyReference? TokenSecretRef { get; set; }

    [Description("API base URL of a self-hosted server (GitHub Enterprise https://host/api/v3, GitLab https://host/api/v4); derived from the repository host when empty.")]
    [RegularExpression("^https?://[^\\s]+$")]
    [MaxLength(2048)]
    public string? ApiUrl { get; set; }
}
