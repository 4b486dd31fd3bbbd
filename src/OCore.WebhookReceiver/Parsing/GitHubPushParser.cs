using System.Text.Json;
using OCore.Api.Git;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>GitHub's <c>push</c> event: one ref per delivery.</summary>
internal static class GitHubPushParser
{
    public static PushEvent Parse(JsonElement root, string deliveryId, string eventName)
    {
        var payload = PayloadObject.Root(root);
        var fullRef = payload.RefName("ref");
        var before = payload.Commit("before");
        var after = payload.Commit("after");
        // A deletion says "deleted": true and sends 40 zeros as "after"; either one is enough.
        var deleted = payload.Bool("deleted") || after is null;
        var created = payload.Bool("created") || before is null;
        var kind = deleted ? RefChangeKind.Deleted : created ? RefChangeKind.Created : RefChangeKind.Updated;
        var change = RefChange.Create(fullRef, created ? null : before, deleted ? null : after, kind, payload.Bool("forced"));

        return new PushEvent(
            GitProvider.GitHub,
            deliveryId,
            eventName,
            payload.Object("repository").String("full_name"),
            payload.OptionalObject("pusher")?.OptionalString("name"),
            [change]);
    }
}
