using OCore.Api.Git;

namespace OCore.WebhookReceiver.Push;

/// <summary>A verified push, the same for every provider.</summary>
/// <param name="Provider">Who sent it.</param>
/// <param name="DeliveryId">The provider's delivery id; the same on a redelivery.</param>
/// <param name="EventName">The event header as sent (<c>push</c>, <c>Push Hook</c>, <c>repo:push</c>, <c>repo:refs_changed</c>).</param>
/// <param name="RepositoryFullName">The repository as the payload names it (<c>owner/name</c>).</param>
/// <param name="Pusher">Who pushed, when the payload says.</param>
/// <param name="Changes">Every ref the push changed, in payload order.</param>
public sealed record PushEvent(
    GitProvider Provider,
    string DeliveryId,
    string EventName,
    string RepositoryFullName,
    string? Pusher,
    IReadOnlyList<RefChange> Changes)
{
    /// <summary>The changes of <c>refs/heads/*</c>: the only ones that can deploy.</summary>
    public IEnumerable<RefChange> BranchChanges => Changes.Where(change => change.Branch is not null);
}
