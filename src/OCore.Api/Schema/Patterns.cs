namespace OCore.Api.Schema;

/// <summary>Regular expressions shared by the CRD schemas and the code that checks the same values.</summary>
public static class Patterns
{
    /// <summary>A DNS-1123 label: what most Kubernetes object names must be.</summary>
    public const string Dns1123Label = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A DNS-1123 subdomain: names of Secrets and custom resources.</summary>
    public const string Dns1123Subdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A full 40-character lower-case hex commit id.</summary>
    public const string CommitSha = "^[0-9a-f]{40}$";

    /// <summary>A Go duration as Kubernetes writes them (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>0s</c>).</summary>
    public const string Duration = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

    /// <summary>
    /// Characters a branch name or glob may hold: git's ref-name rules forbid spaces, control characters and
    /// <c>~^:?[\</c>; <c>*</c> stays allowed as the glob wildcard. The structural rules (no <c>..</c>, no trailing
    /// <c>/</c>, ...) need look-arounds that Kubernetes' RE2 patterns lack, so they live in <see cref="BranchRule"/>.
    /// </summary>
    public const string BranchCharacters = "^[^\\x00-\\x20\\x7f~^:?\\[\\\\]+$";

    /// <summary>The CEL form of git's structural ref-name rules, applied to a branch name or glob.</summary>
    public const string BranchRule =
        "!self.startsWith('refs/') && !self.startsWith('-') && !self.startsWith('/') && !self.endsWith('/') && " +
        "!self.endsWith('.') && !self.endsWith('.lock') && !self.contains('..') && !self.contains('@{') && " +
        "!self.contains('//') && !self.contains('/.')";

    public const string BranchRuleMessage =
        "must be a branch name or glob such as main or feature/* (git ref-name rules; not a full ref like refs/heads/main)";

    /// <summary>A Kubernetes resource quantity (<c>500m</c>, <c>2Gi</c>).</summary>
    public const string Quantity = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

    /// <summary>An Odoo series such as <c>17.0</c> or <c>18.0</c>.</summary>
    public const string OdooVersion = "^[0-9]{2}\\.[0-9]$";
}
