using OCore.Api.Git;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// GitHub's <c>push</c> event read straight from the body (<see cref="GitHubPushFields"/>): the same push, checks and
/// messages as <see cref="GitHubPushParser"/>, without the cost of a JSON document for an 8 KB payload.
/// </summary>
internal static class GitHubPushReader
{
    public static PushEvent Read(ReadOnlyMemory<byte> utf8Json, string deliveryId, string eventName)
    {
        var fields = GitHubPushFields.Read(JsonPayload.Prepare(utf8Json).Span);
        if (fields.Root != System.Text.Json.JsonValueKind.Object)
            throw PayloadValues.NotAnObject(fields.Root);

        // In the order GitHubPushParser reads them, so a payload with several faults names the same one.
        var fullRef = PayloadValues.RefName(fields.Ref.String("ref"), "ref");
        var before = PayloadValues.Commit(fields.Before.String("before"), "before");
        var after = PayloadValues.Commit(fields.After.String("after"), "after");
        var deleted = fields.Deleted.Bool("deleted") || after is null;
        var created = fields.Created.Bool("created") || before is null;
        var kind = deleted ? RefChangeKind.Deleted : created ? RefChangeKind.Created : RefChangeKind.Updated;
        var change = RefChange.Create(fullRef, created ? null : before, deleted ? null : after, kind, fields.Forced.Bool("forced"));

        if (!fields.Repository.IsObject("repository"))
            throw PayloadValues.Missing("repository");
        var repository = fields.RepositoryFullName.String("repository.full_name");
        var pusher = fields.Pusher.IsObject("pusher") ? fields.PusherName.OptionalString("pusher.name") : null;

        return new PushEvent(GitProvider.GitHub, deliveryId, eventName, repository, pusher, [change]);
    }
}
