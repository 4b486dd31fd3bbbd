using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class StatusReportingSpec
{
    [Description("Secret key with a provider API token allowed to write commit statuses; used when no GitHub App installation matches.")]
    public SecretKeyReference? TokenSecretRef { get; set; }
}
