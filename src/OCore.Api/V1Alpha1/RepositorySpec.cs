using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Git;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[CelRule("has(self.provider) || self.url.matches('^(ssh://|https?://)?([^@/]+@)?(github\\\\.com|gitlab\\\\.com|bitbucket\\\\.org)[:/]')",
    "provider is required for a self-hosted Git server (github, gitlab or bitbucket)", FieldPath = ".provider")]
public sealed class RepositorySpec
{
    [Required]
    [Description("Repository address: git@host:owner/repo.git, ssh://git@host[:port]/owner/repo.git or https://host/owner/repo.git.")]
    [MinLength(1)]
    [MaxLength(2048)]
    [RegularExpression("^((ssh|https?)://[^\\s]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s:]+)$")]
    public string Url { get; set; } = "";

    [Description("github, gitlab or bitbucket; inferred for github.com, gitlab.com and bitbucket.org.")]
    public GitProvider? Provider { get; set; }

    [Description("The default branch.")]
    [RegularExpression(Patterns.BranchCharacters)]
    [CelRule(Patterns.BranchRule, "branch " + Patterns.BranchRuleMessage)]
    [CelRule("!self.contains('*')", "branch must be a branch name, not a glob")]
    [MaxLength(255)]
    [DefaultValue("main")]
    public string? Branch { get; set; }

    [Description("known_hosts lines for a self-hosted server; the public providers' host keys are pinned by oCore.")]
    [MaxLength(16384)]
    public string? KnownHosts { get; set; }
}
