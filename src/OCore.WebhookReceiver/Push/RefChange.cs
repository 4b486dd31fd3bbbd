using OCore.Api.Git;

namespace OCore.WebhookReceiver.Push;

/// <summary>One ref changed by a push.</summary>
/// <param name="Ref">The full ref, e.g. <c>refs/heads/feature/x</c> or <c>refs/tags/v1</c>.</param>
/// <param name="Branch">The branch name (everything after <c>refs/heads/</c>), or null when the ref is not a branch.</param>
/// <param name="IsTag">Whether the ref is under <c>refs/tags/</c>.</param>
/// <param name="Before">The commit before the push; null when the ref was created.</param>
/// <param name="After">The commit after the push; null when the ref was deleted.</param>
/// <param name="Kind">Created, updated or deleted.</param>
/// <param name="Forced">Whether the provider reported a force push (GitLab and Bitbucket Data Center never do).</param>
public sealed record RefChange(
    string Ref,
    string? Branch,
    bool IsTag,
    string? Before,
    string? After,
    RefChangeKind Kind,
    bool Forced)
{
    /// <summary>
    /// Builds a change from a full ref. Branch and tag are read from the whole prefix, never from the last
    /// path segment, so <c>refs/heads/feature/x</c> is branch <c>feature/x</c> and <c>refs/tags/x</c> is no branch.
    /// </summary>
    public static RefChange Create(string fullRef, string? before, string? after, RefChangeKind kind, bool forced) =>
        new(fullRef, GitRefs.BranchOf(fullRef), GitRefs.IsTag(fullRef), before, after, kind, forced);
}
