using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

public sealed class GitHubInstallationSpec
{
    [Required]
    [Description("GitHub's installation id.")]
    [Range(1L, long.MaxValue)]
    [CelRule("self == oldSelf", "installationId is immutable; create a new GitHubInstallation instead")]
    public long InstallationId { get; set; }

    [Description("Soft delete: routing skips this installation; the record stays and deploy keys and manual webhooks keep working.")]
    [DefaultValue(false)]
    public bool? Unlinked { get; set; }
}
