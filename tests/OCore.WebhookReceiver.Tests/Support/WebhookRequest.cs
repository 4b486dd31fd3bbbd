using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OCore.WebhookReceiver.Tests.Support;

/// <summary>Builds a delivery the way each provider sends it: path, event, delivery id, content type and signature.</summary>
public sealed class WebhookRequest
{
    private readonly Dictionary<string, string[]> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _provider;
    private readonly string _path;
    private byte[] _body = [];
    private string? _contentType = "application/json";
    private bool _chunked;
    private bool _expectContinue;

    private WebhookRequest(string provider, string projectId, string deliveryId)
    {
        _provider = provider;
        _path = $"/api/webhooks/{provider}/{projectId}";
        DeliveryId = deliveryId;
    }

    /// <summary>The delivery id the request was created with (headers may since have been changed).</summary>
    public string DeliveryId { get; }

    public static WebhookRequest GitHub(string eventName, string deliveryId, string projectId = ReceiverFactory.GitHubProject) =>
        new WebhookRequest("github", projectId, deliveryId).Header("X-GitHub-Event", eventName).Header("X-GitHub-Delivery", deliveryId);

    public static WebhookRequest GitLab(string eventName, string deliveryId, string projectId = ReceiverFactory.GitLabProject) =>
        new WebhookRequest("gitlab", projectId, deliveryId).Header("X-Gitlab-Event", eventName).Header("X-Gitlab-Webhook-UUID", deliveryId);

    public static WebhookRequest BitbucketCloud(string eventKey, string deliveryId, string projectId = ReceiverFactory.BitbucketProject) =>
        new WebhookRequest("bitbucket", projectId, deliveryId).Header("X-Event-Key", eventKey).Header("X-Request-UUID", deliveryId)
            .Header("X-Hook-UUID", "{4c9f0b8e-2d7a-4e61-9b35-8f0c1a2d3e4b}").Header("X-Attempt-Number", "1");

    public static WebhookRequest BitbucketDataCenter(string eventKey, string deliveryId, string projectId = ReceiverFactory.BitbucketDataCenterProject) =>
        new WebhookRequest("bitbucket", projectId, deliveryId).Header("X-Event-Key", eventKey).Header("X-Request-Id", deliveryId);

    public WebhookRequest Body(byte[] body)
    {
        _body = body;
        return this;
    }

    public WebhookRequest Body(string body) => Body(Encoding.UTF8.GetBytes(body));

    public WebhookRequest Payload(string fileName) => Body(Payloads.Read(fileName));

    public WebhookRequest ContentType(string? contentType)
    {
        _contentType = contentType;
        return this;
    }

    /// <summary>Sends the body without Content-Length, so only the streaming cap can stop it.</summary>
    public WebhookRequest Chunked()
    {
        _chunked = true;
        return this;
    }

    /// <summary>Asks before sending the body, so a server that refuses up front is never sent it.</summary>
    public WebhookRequest ExpectContinue()
    {
        _expectContinue = true;
        return this;
    }

    public WebhookRequest Header(string name, params string[] values)
    {
        _headers[name] = values;
        return this;
    }

    public WebhookRequest Without(string name)
    {
        _headers.Remove(name);
        return this;
    }

    /// <summary>Signs the body as the provider would with <paramref name="secret"/> (GitLab: sends it as the token).</summary>
    public WebhookRequest Sign(string secret = ReceiverFactory.Secret) => _provider switch
    {
        "github" => Header("X-Hub-Signature-256", Signature(secret, _body)),
        "gitlab" => Header("X-Gitlab-Token", secret),
        _ => Header("X-Hub-Signature", Signature(secret, _body)),
    };

    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public HttpRequestMessage Build()
    {
        HttpContent content = _chunked ? new StreamContent(new UnseekableStream(_body)) : new ByteArrayContent(_body);
        if (_contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, _path) { Content = content };
        request.Headers.ExpectContinue = _expectContinue;
        request.Headers.TransferEncodingChunked = _chunked;
        foreach (var (name, values) in _headers)
            request.Headers.TryAddWithoutValidation(name, values);
        return request;
    }

    public async Task<Answer> SendAsync(HttpClient client) => await Answer.ReadAsync(await client.SendAsync(Build()));
}
