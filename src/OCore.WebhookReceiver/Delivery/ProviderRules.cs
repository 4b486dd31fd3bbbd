using OCore.Api.Git;
using OCore.WebhookReceiver.Parsing;
using OCore.WebhookReceiver.Verification;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>The headers, signature scheme and events of one provider endpoint.</summary>
internal sealed class ProviderRules
{
    private const string GitHubDelivery = "X-GitHub-Delivery";

    // Idempotency-Key (GitLab 17.4+) and X-Gitlab-Webhook-UUID stay the same on a retry;
    // X-Gitlab-Event-UUID does not identify the delivery, so it is not used.
    private static readonly string[] GitLabDelivery = ["Idempotency-Key", "X-Gitlab-Webhook-UUID"];

    private const string BitbucketCloudDelivery = "X-Request-UUID";
    private const string BitbucketDataCenterDelivery = "X-Request-Id";

    // The push every GitHub repository sends: read in one pass, its 8 KB never made into a document.
    private static readonly EventRoute GitHubPush = EventRoute.Push(GitHubPushParser.Parse, GitHubDelivery) with { Reader = GitHubPushReader.Read };
    private static readonly EventRoute GitHubPing = EventRoute.Ping(GitHubDelivery);
    private static readonly EventRoute GitHubOther = EventRoute.Other(GitHubDelivery);
    private static readonly EventRoute GitLabPush = EventRoute.Push(GitLabPushParser.Parse, GitLabDelivery);
    private static readonly EventRoute GitLabOther = EventRoute.Other(GitLabDelivery);
    private static readonly EventRoute BitbucketCloudPush = EventRoute.Push(BitbucketCloudPushParser.Parse, BitbucketCloudDelivery);
    private static readonly EventRoute BitbucketDataCenterPush = EventRoute.Push(BitbucketDataCenterPushParser.Parse, BitbucketDataCenterDelivery);
    private static readonly EventRoute BitbucketDataCenterPing = EventRoute.Ping(BitbucketDataCenterDelivery);
    private static readonly EventRoute BitbucketOther = EventRoute.Other(BitbucketCloudDelivery, BitbucketDataCenterDelivery);

    public static readonly ProviderRules GitHub = new()
    {
        Provider = GitProvider.GitHub,
        SignatureHeader = "X-Hub-Signature-256",
        Scheme = SignatureScheme.HmacSha256,
        EventHeader = "X-GitHub-Event",
        // GitHub's default content type for repository hooks is the form encoding.
        AcceptsForm = true,
        Route = eventName => eventName switch
        {
            "push" => GitHubPush,
            "ping" => GitHubPing,
            _ => GitHubOther,
        },
    };

    public static readonly ProviderRules GitLab = new()
    {
        Provider = GitProvider.GitLab,
        SignatureHeader = "X-Gitlab-Token",
        Scheme = SignatureScheme.Token,
        EventHeader = "X-Gitlab-Event",
        AcceptsForm = false,
        Route = eventName => eventName switch
        {
            "Push Hook" or "Tag Push Hook" => GitLabPush,
            _ => GitLabOther,
        },
    };

    /// <summary>Bitbucket Cloud and Data Center share the endpoint; the event key tells their payloads apart.</summary>
    public static readonly ProviderRules Bitbucket = new()
    {
        Provider = GitProvider.Bitbucket,
        SignatureHeader = "X-Hub-Signature",
        Scheme = SignatureScheme.HmacSha256,
        EventHeader = "X-Event-Key",
        AcceptsForm = false,
        Route = eventName => eventName switch
        {
            "repo:push" => BitbucketCloudPush,
            "repo:refs_changed" => BitbucketDataCenterPush,
            "diagnostics:ping" => BitbucketDataCenterPing,
            _ => BitbucketOther,
        },
    };

    public required GitProvider Provider
    {
        get;
        init
        {
            field = value;
            ProviderName = value.ToString();
        }
    }

    /// <summary>The provider's name for log lines, made once.</summary>
    public string ProviderName { get; private init; } = "";

    public required string SignatureHeader { get; init; }

    public required SignatureScheme Scheme { get; init; }

    public required string EventHeader { get; init; }

    /// <summary>Whether <c>application/x-www-form-urlencoded</c> (<c>payload=&lt;json&gt;</c>) is accepted besides JSON.</summary>
    public required bool AcceptsForm { get; init; }

    public required Func<string, EventRoute> Route { get; init; }
}
