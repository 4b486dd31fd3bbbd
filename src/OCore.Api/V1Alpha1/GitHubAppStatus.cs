using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class GitHubAppStatus
{
    [Description("The GitHubInstallation used for this repository.")]
    public LocalObjectReference? InstallationRef { get; set; }

    [Description("owner when the installation's account matches the repository owner, fallback otherwise.")]
    public InstallationMatch? MatchedBy { get; set; }
}
