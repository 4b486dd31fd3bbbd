using System.Text.Json;
using OCore.Api.Git;
using OCore.WebhookReceiver.Parsing;
using OCore.WebhookReceiver.Push;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Parsing;

/// <summary>Each provider's documented payload becomes exactly these ref changes.</summary>
public sealed class PushParserTests
{
    [Fact]
    public void GitHub_push_is_one_updated_branch()
    {
        var push = Parse(GitHubPushParser.Parse, "github-push.json", "push");

        Assert.Equal(GitProvider.GitHub, push.Provider);
        Assert.Equal("d-1", push.DeliveryId);
        Assert.Equal("push", push.EventName);
        Assert.Equal("acme/odoo-custom", push.RepositoryFullName);
        Assert.Equal("jdoe", push.Pusher);
        Assert.Equal(
            [new RefChange("refs/heads/main", "main", false, "6113728f27ae82c7b1a177c8d03f9e96e0adf246", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", RefChangeKind.Updated, false)],
            push.Changes);
    }

    [Fact]
    public void GitHub_tag_push_is_a_created_tag_and_no_branch()
    {
        var push = Parse(GitHubPushParser.Parse, "github-tag-push.json", "push");

        Assert.Equal(
            [new RefChange("refs/tags/v17.0.1.2", null, true, null, "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", RefChangeKind.Created, false)],
            push.Changes);
        Assert.Empty(push.BranchChanges);
    }

    [Fact]
    public void GitHub_branch_deletion_is_a_deleted_change_with_the_whole_branch_name()
    {
        var push = Parse(GitHubPushParser.Parse, "github-branch-delete.json", "push");

        Assert.Equal(
            [new RefChange("refs/heads/feature/invoice-layout", "feature/invoice-layout", false, "9b2e5f0c1d7a4e3b8c6f2a1d0e9b8c7a6f5e4d3c", null, RefChangeKind.Deleted, false)],
            push.Changes);
    }

    [Fact]
    public void GitHub_deleted_flag_alone_marks_a_deletion()
    {
        var json = """{"ref":"refs/heads/x","before":"9b2e5f0c1d7a4e3b8c6f2a1d0e9b8c7a6f5e4d3c","after":"9b2e5f0c1d7a4e3b8c6f2a1d0e9b8c7a6f5e4d3c","deleted":true,"repository":{"full_name":"a/b"}}""";

        var push = ParseText(GitHubPushParser.Parse, json, "push");

        Assert.Equal(RefChangeKind.Deleted, Assert.Single(push.Changes).Kind);
        Assert.Null(push.Changes[0].After);
    }

    [Fact]
    public void GitLab_push_hook_is_one_updated_branch()
    {
        var push = Parse(GitLabPushParser.Parse, "gitlab-push.json", "Push Hook");

        Assert.Equal(GitProvider.GitLab, push.Provider);
        Assert.Equal("acme/erp/odoo-custom", push.RepositoryFullName);
        Assert.Equal("jdoe", push.Pusher);
        Assert.Equal(
            [new RefChange("refs/heads/staging", "staging", false, "95790bf891e76fee5e1747ab589903a6a1f80f22", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", RefChangeKind.Updated, false)],
            push.Changes);
    }

    [Fact]
    public void GitLab_tag_push_hook_is_a_tag()
    {
        var push = Parse(GitLabPushParser.Parse, "gitlab-tag-push.json", "Tag Push Hook");

        Assert.Equal(
            [new RefChange("refs/tags/v17.0.2.0", null, true, null, "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", RefChangeKind.Created, false)],
            push.Changes);
    }

    [Fact]
    public void GitLab_branch_deletion_is_a_deleted_change()
    {
        var push = Parse(GitLabPushParser.Parse, "gitlab-branch-delete.json", "Push Hook");

        Assert.Equal(
            [new RefChange("refs/heads/feature/pos-receipt", "feature/pos-receipt", false, "a7c3e1f9b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0", null, RefChangeKind.Deleted, false)],
            push.Changes);
    }

    [Fact]
    public void Bitbucket_Cloud_push_keeps_every_change_in_order()
    {
        var push = Parse(BitbucketCloudPushParser.Parse, "bitbucket-cloud-push.json", "repo:push");

        Assert.Equal(GitProvider.Bitbucket, push.Provider);
        Assert.Equal("acme/odoo-custom", push.RepositoryFullName);
        Assert.Equal("jdoe", push.Pusher);
        Assert.Equal(
            [
                new RefChange("refs/heads/main", "main", false, "3f1c0a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a", "c0ffee1234567890abcdef1234567890abcdef12", RefChangeKind.Updated, false),
                new RefChange("refs/heads/feature/pos-receipt-v2", "feature/pos-receipt-v2", false, null, "5d4c3b2a19080706f5e4d3c2b1a0998877665544", RefChangeKind.Created, false),
                new RefChange("refs/heads/feature/pos-receipt", "feature/pos-receipt", false, "e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e", null, RefChangeKind.Deleted, false),
                new RefChange("refs/tags/v17.0.3.0", null, true, null, "c0ffee1234567890abcdef1234567890abcdef12", RefChangeKind.Created, false),
            ],
            push.Changes);
    }

    [Fact]
    public void Bitbucket_Data_Center_refs_changed_keeps_every_change_in_order()
    {
        var push = Parse(BitbucketDataCenterPushParser.Parse, "bitbucket-dc-refs-changed.json", "repo:refs_changed");

        Assert.Equal(GitProvider.Bitbucket, push.Provider);
        Assert.Equal("ERP/odoo-custom", push.RepositoryFullName);
        Assert.Equal("jdoe", push.Pusher);
        Assert.Equal(
            [
                new RefChange("refs/heads/develop", "develop", false, null, "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", RefChangeKind.Created, false),
                new RefChange("refs/heads/main", "main", false, "ecddabb624f6f5ba43816f5926e580a5f680a932", "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", RefChangeKind.Updated, false),
                new RefChange("refs/heads/release/17.0", "release/17.0", false, "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", null, RefChangeKind.Deleted, false),
                new RefChange("refs/tags/v17.0.3.0", null, true, null, "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", RefChangeKind.Created, false),
            ],
            push.Changes);
    }

    [Theory]
    [InlineData("refs/heads/main", "main", false)]
    [InlineData("refs/heads/feature/x", "feature/x", false)]
    [InlineData("refs/heads/refs/tags/x", "refs/tags/x", false)]
    [InlineData("refs/tags/main", null, true)]
    [InlineData("refs/tags/feature/x", null, true)]
    [InlineData("refs/remotes/origin/main", null, false)]
    [InlineData("refs/notes/commits", null, false)]
    [InlineData("heads/main", null, false)]
    public void Branch_is_everything_after_refs_heads_and_never_the_last_segment(string fullRef, string? branch, bool isTag)
    {
        var change = RefChange.Create(fullRef, null, null, RefChangeKind.Updated, forced: false);

        Assert.Equal(branch, change.Branch);
        Assert.Equal(isTag, change.IsTag);
    }

    [Theory]
    [InlineData("""[]""", "payload is an array, not a JSON object")]
    [InlineData("""{"before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246"}""", "payload field 'ref' is missing")]
    [InlineData("""{"ref":null}""", "payload field 'ref' is missing")]
    [InlineData("""{"ref":42}""", "payload field 'ref' is a number, not a string")]
    [InlineData("""{"ref":"refs/heads/"}""", "payload field 'ref' is not a valid git ref name")]
    [InlineData("""{"ref":"refs/heads/a..b"}""", "payload field 'ref' is not a valid git ref name")]
    [InlineData("""{"ref":"refs/heads/a b"}""", "payload field 'ref' is not a valid git ref name")]
    [InlineData("""{"ref":"refs/heads/main","before":"abc","after":"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c"}""", "payload field 'before' is not a commit id (40 or 64 hex digits)")]
    [InlineData("""{"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","after":["x"]}""", "payload field 'after' is an array, not a string")]
    [InlineData("""{"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","after":"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c","deleted":"no"}""", "payload field 'deleted' is a string, not true or false")]
    [InlineData("""{"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","after":"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c"}""", "payload field 'repository' is missing")]
    [InlineData("""{"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","after":"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c","repository":"acme/odoo"}""", "payload field 'repository' is a string, not an object")]
    [InlineData("""{"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","after":"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c","repository":{"full_name":true}}""", "payload field 'repository.full_name' is a boolean, not a string")]
    public void GitHub_payload_of_the_wrong_shape_names_the_field(string json, string message)
    {
        var error = Assert.Throws<PayloadException>(() => ParseText(GitHubPushParser.Parse, json, "push"));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"push":{}}""", "payload field 'push.changes' is missing")]
    [InlineData("""{"push":{"changes":{}}}""", "payload field 'push.changes' is an object, not an array")]
    [InlineData("""{"push":{"changes":[1]}}""", "payload field 'push.changes[0]' is a number, not an object")]
    [InlineData("""{"push":{"changes":[{"new":null,"old":null}]}}""", "payload field 'push.changes[0].new' and 'old' are both null")]
    [InlineData("""{"push":{"changes":[{"new":{"type":"branch","name":"main","target":{"hash":"c0ffee1234567890abcdef1234567890abcdef12"}},"old":null},{"new":{"type":"bookmark","name":"x","target":{"hash":"c0ffee1234567890abcdef1234567890abcdef12"}}}]}}""", "payload field 'push.changes[1].new.type' is 'bookmark'; only 'branch' and 'tag' are known")]
    [InlineData("""{"push":{"changes":[{"new":{"type":"branch","name":"main","target":{}},"old":null}]}}""", "payload field 'push.changes[0].new.target.hash' is missing")]
    public void Bitbucket_Cloud_payload_of_the_wrong_shape_names_the_field(string json, string message)
    {
        var error = Assert.Throws<PayloadException>(() => ParseText(BitbucketCloudPushParser.Parse, json, "repo:push"));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"changes":[{"ref":{"id":"refs/heads/main"},"fromHash":"ecddabb624f6f5ba43816f5926e580a5f680a932","toHash":"178864a7d521b6f5e720b386b2c2b0ef8563e0dc","type":"MERGE"}]}""", "payload field 'changes[0].type' is 'MERGE'; expected ADD, UPDATE or DELETE")]
    [InlineData("""{"changes":[{"ref":"refs/heads/main","fromHash":"ecddabb624f6f5ba43816f5926e580a5f680a932","toHash":"178864a7d521b6f5e720b386b2c2b0ef8563e0dc","type":"UPDATE"}]}""", "payload field 'changes[0].ref' is a string, not an object")]
    [InlineData("""{"changes":[],"repository":{"slug":"odoo-custom","project":{}}}""", "payload field 'repository.project.key' is missing")]
    public void Bitbucket_Data_Center_payload_of_the_wrong_shape_names_the_field(string json, string message)
    {
        var error = Assert.Throws<PayloadException>(() => ParseText(BitbucketDataCenterPushParser.Parse, json, "repo:refs_changed"));
        Assert.Equal(message, error.Message);
    }

    private static PushEvent Parse(PushParser parser, string fileName, string eventName)
    {
        using var document = JsonDocument.Parse(Payloads.Read(fileName));
        return parser(document.RootElement, "d-1", eventName);
    }

    private static PushEvent ParseText(PushParser parser, string json, string eventName)
    {
        using var document = JsonDocument.Parse(json);
        return parser(document.RootElement, "d-1", eventName);
    }
}
