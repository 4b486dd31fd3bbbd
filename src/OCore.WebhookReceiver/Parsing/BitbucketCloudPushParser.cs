using System.Text.Json;
using OCore.Api.Git;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>Bitbucket Cloud's <c>repo:push</c>: <c>push.changes[]</c>, several refs per delivery.</summary>
internal static class BitbucketCloudPushParser
{
    public static PushEvent Parse(JsonElement root, string deliveryId, string eventName)
    {
        var payload = PayloadObject.Root(root);
        var changes = payload.Object("push").Objects("changes").Select(ParseChange).ToArray();
        var actor = payload.OptionalObject("actor");

        return new PushEvent(
            GitProvider.Bitbucket,
            deliveryId,
            eventName,
            payload.Object("repository").String("full_name"),
            actor?.OptionalString("nickname") ?? actor?.OptionalString("display_name"),
            changes);
    }

    private static RefChange ParseChange(PayloadObject change)
    {
        // "new" is null when the branch was deleted ("closed": true); "old" is null when it was created.
        var next = change.OptionalObject("new");
        var previous = change.OptionalObject("old");
        var state = next ?? previous ?? throw change.Invalid("new", "and 'old' are both null");

        var kind = next is null ? RefChangeKind.Deleted : previous is null ? RefChangeKind.Created : RefChangeKind.Updated;
        return RefChange.Create(
            FullRef(state),
            previous?.Object("target").Commit("hash"),
            next?.Object("target").Commit("hash"),
            kind,
            change.Bool("forced"));
    }

    private static string FullRef(PayloadObject state)
    {
        var name = state.RefName("name");
        return state.String("type") switch
        {
            "branch" => "refs/heads/" + name,
            "tag" => "refs/tags/" + name,
            var other => throw state.Invalid("type", $"is '{other}'; only 'branch' and 'tag' are known"),
        };
    }
}
