using System.Text.Json;
using OCore.Api.Git;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>Bitbucket Data Center's <c>repo:refs_changed</c>: <c>changes[]</c>, several refs per delivery.</summary>
internal static class BitbucketDataCenterPushParser
{
    public static PushEvent Parse(JsonElement root, string deliveryId, string eventName)
    {
        var payload = PayloadObject.Root(root);
        var changes = payload.Objects("changes").Select(ParseChange).ToArray();
        var repository = payload.Object("repository");
        // Data Center names a repository by project key and slug: clone URLs are .../<KEY>/<slug>.git.
        var fullName = $"{repository.Object("project").String("key")}/{repository.String("slug")}";

        return new PushEvent(
            GitProvider.Bitbucket,
            deliveryId,
            eventName,
            fullName,
            payload.OptionalObject("actor")?.OptionalString("name"),
            changes);
    }

    private static RefChange ParseChange(PayloadObject change)
    {
        var kind = change.String("type") switch
        {
            "ADD" => RefChangeKind.Created,
            "UPDATE" => RefChangeKind.Updated,
            "DELETE" => RefChangeKind.Deleted,
            var other => throw change.Invalid("type", $"is '{other}'; expected ADD, UPDATE or DELETE"),
        };
        var before = change.Commit("fromHash");
        var after = change.Commit("toHash");

        // Data Center has no force flag; the full ref id (never displayId) tells branches from tags.
        return RefChange.Create(
            change.Object("ref").RefName("id"),
            kind == RefChangeKind.Created ? null : before,
            kind == RefChangeKind.Deleted ? null : after,
            kind,
            forced: false);
    }
}
