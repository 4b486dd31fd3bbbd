using System.Text.Json;
using OCore.Api.Git;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>GitLab's <c>Push Hook</c> and <c>Tag Push Hook</c>: one ref per delivery, the same shape for both.</summary>
internal static class GitLabPushParser
{
    public static PushEvent Parse(JsonElement root, string deliveryId, string eventName)
    {
        var payload = PayloadObject.Root(root);
        var fullRef = payload.RefName("ref");
        // GitLab marks creation and deletion only with an all-zero "before" or "after", and never reports force pushes.
        var before = payload.Commit("before");
        var after = payload.Commit("after");
        var kind = after is null ? RefChangeKind.Deleted : before is null ? RefChangeKind.Created : RefChangeKind.Updated;

        return new PushEvent(
            GitProvider.GitLab,
            deliveryId,
            eventName,
            payload.Object("project").String("path_with_namespace"),
            payload.OptionalString("user_username"),
            [RefChange.Create(fullRef, before, after, kind, forced: false)]);
    }
}
