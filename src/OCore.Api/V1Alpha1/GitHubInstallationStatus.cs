using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class GitHubInstallationStatus : ResourceStatus
{
    [Description("The GitHub user or organization the App is installed on.")]
    public string? AccountLogin { get; set; }

    public AccountType? AccountType { get; set; }

    [Description("Whether GitHub confirmed the installation.")]
    public bool? Verified { get; set; }

    [Description("Whether the installation is suspended on GitHub.")]
    public bool? Suspended { get; set; }

    [Description("When the App was installed on GitHub.")]
    public DateTime? InstalledAt { get; set; }
}
