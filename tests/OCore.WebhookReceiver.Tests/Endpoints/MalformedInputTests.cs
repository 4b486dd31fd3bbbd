using System.Net;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

/// <summary>Broken requests get a 4xx that names the problem, and never reach the push handler.</summary>
public sealed class MalformedInputTests(ReceiverFactory factory) : IClassFixture<ReceiverFactory>
{
    private const int TenMiB = 10 * 1024 * 1024;

    [Fact]
    public async Task Truncated_json_is_a_bad_request()
    {
        var body = Payloads.Read("github-push.json")[..200];

        var answer = await Send(WebhookRequest.GitHub("push", "m-truncated").Body(body).Sign());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.StartsWith("body is not valid UTF-8 JSON: ", answer.Message, StringComparison.Ordinal);
        Assert.Null(factory.Handler.Received("m-truncated"));
    }

    [Fact]
    public async Task Invalid_utf8_is_a_bad_request()
    {
        var body = Payloads.Read("github-push.json");
        body[body.AsSpan().IndexOf("jdoe"u8)] = 0xFF;

        var answer = await Send(WebhookRequest.GitHub("push", "m-utf8").Body(body).Sign());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("body is not valid UTF-8 JSON: it contains bytes that are not UTF-8", answer.Message);
    }

    [Fact]
    public async Task Empty_body_is_a_bad_request()
    {
        var answer = await Send(WebhookRequest.GitLab("Push Hook", "m-empty").Body([]).Sign());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("body is empty; a JSON payload was expected", answer.Message);
    }

    [Theory]
    [InlineData("\"new\": {\n          \"type\": \"branch\",\n          \"name\": \"main\"", "\"new\": \"main\", \"x\": {\"name\": \"main\"", "payload field 'push.changes[0].new' is a string, not an object")]
    [InlineData("\"forced\": false,\n        \"closed\": false,\n        \"truncated\": false,\n        \"links\": {\n          \"html\"", "\"forced\": 0,\n        \"closed\": false,\n        \"truncated\": false,\n        \"links\": {\n          \"html\"", "payload field 'push.changes[0].forced' is a number, not true or false")]
    [InlineData("\"full_name\": \"acme/odoo-custom\"", "\"full_name\": [\"acme/odoo-custom\"]", "payload field 'repository.full_name' is an array, not a string")]
    public async Task Wrong_types_name_the_field(string original, string replacement, string message)
    {
        var body = Payloads.Read("bitbucket-cloud-push.json").Replace(original, replacement);

        var answer = await Send(WebhookRequest.BitbucketCloud("repo:push", "m-types-" + message.Length).Body(body).Sign());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task Json_array_instead_of_object_is_a_bad_request()
    {
        var answer = await Send(WebhookRequest.BitbucketDataCenter("repo:refs_changed", "m-array").Body("[1,2]").Sign());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("payload is an array, not a JSON object", answer.Message);
    }

    [Fact]
    public async Task Form_body_without_payload_field_is_a_bad_request()
    {
        var answer = await Send(WebhookRequest.GitHub("push", "m-form").Body("ref=refs%2Fheads%2Fmain")
            .ContentType("application/x-www-form-urlencoded").Sign());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("form body has no 'payload' field", answer.Message);
    }

    public static TheoryData<string, WebhookRequest, HttpStatusCode, string> HeaderCases => new()
    {
        {
            "signature missing", WebhookRequest.GitHub("push", "h-1").Payload("github-push.json"),
            HttpStatusCode.Unauthorized, "header 'X-Hub-Signature-256' is missing; set the secret oCore gave for this project on the webhook"
        },
        {
            "token missing", WebhookRequest.GitLab("Push Hook", "h-2").Payload("gitlab-push.json"),
            HttpStatusCode.Unauthorized, "header 'X-Gitlab-Token' is missing; set the secret oCore gave for this project on the webhook"
        },
        {
            "token twice", WebhookRequest.GitLab("Push Hook", "h-3").Payload("gitlab-push.json").Header("X-Gitlab-Token", ReceiverFactory.Secret, ReceiverFactory.Secret),
            HttpStatusCode.BadRequest, "header 'X-Gitlab-Token' appears more than once"
        },
        {
            "Bitbucket signature twice", WebhookRequest.BitbucketCloud("repo:push", "h-4").Payload("bitbucket-cloud-push.json").Sign().Header("X-Hub-Signature", "sha256=00", "sha256=11"),
            HttpStatusCode.BadRequest, "header 'X-Hub-Signature' appears more than once"
        },
        {
            "event twice", WebhookRequest.GitHub("push", "h-5").Header("X-GitHub-Event", "push", "ping").Payload("github-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-GitHub-Event' appears more than once"
        },
        {
            "GitLab event missing", WebhookRequest.GitLab("Push Hook", "h-6").Without("X-Gitlab-Event").Payload("gitlab-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-Gitlab-Event' is missing"
        },
        {
            "Bitbucket event key missing", WebhookRequest.BitbucketCloud("repo:push", "h-7").Without("X-Event-Key").Payload("bitbucket-cloud-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-Event-Key' is missing"
        },
        {
            "GitHub delivery missing", WebhookRequest.GitHub("push", "h-8").Without("X-GitHub-Delivery").Payload("github-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-GitHub-Delivery' is missing"
        },
        {
            "GitHub delivery twice", WebhookRequest.GitHub("push", "h-9").Header("X-GitHub-Delivery", "a", "b").Payload("github-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-GitHub-Delivery' appears more than once"
        },
        {
            "Bitbucket Cloud delivery missing", WebhookRequest.BitbucketCloud("repo:push", "h-10").Without("X-Request-UUID").Header("X-Request-Id", "h-10").Payload("bitbucket-cloud-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-Request-UUID' is missing"
        },
        {
            "Bitbucket Data Center delivery missing", WebhookRequest.BitbucketDataCenter("repo:refs_changed", "h-11").Without("X-Request-Id").Header("X-Request-UUID", "h-11").Payload("bitbucket-dc-refs-changed.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-Request-Id' is missing"
        },
        {
            "delivery id not printable", WebhookRequest.GitHub("push", "h 12").Payload("github-push.json").Sign(),
            HttpStatusCode.BadRequest, "header 'X-GitHub-Delivery' is not a delivery id (at most 128 printable ASCII characters)"
        },
    };

    [Theory]
    [MemberData(nameof(HeaderCases))]
    public async Task Missing_or_repeated_headers_are_named(string name, WebhookRequest request, HttpStatusCode status, string message)
    {
        var answer = await Send(request);

        Assert.True(status == answer.StatusCode, $"{name}: {answer.StatusCode} {answer.Message}");
        Assert.Equal(message, answer.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Body_of_ten_MiB_and_one_byte_is_too_large(bool chunked)
    {
        var request = WebhookRequest.GitHub("push", "m-413-" + chunked).Body(JsonOfLength(TenMiB + 1)).Sign();
        if (chunked)
            request.Chunked();

        var answer = await Send(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("body is larger than 10485760 bytes", answer.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Body_of_exactly_ten_MiB_is_read_and_verified(bool chunked)
    {
        var request = WebhookRequest.GitHub("push", "m-10mib-" + chunked).Body(JsonOfLength(TenMiB)).Sign();
        if (chunked)
            request.Chunked();

        var answer = await Send(request);

        // Past the cap and the signature: the JSON ({ spaces }) is read in full and lacks the push fields.
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("payload field 'ref' is missing", answer.Message);
    }

    [Theory]
    [InlineData(ReceiverFactory.GitHubProject)]
    [InlineData("p-unknown")]
    public async Task Too_large_is_answered_the_same_for_known_and_unknown_projects(string projectId)
    {
        var answer = await Send(WebhookRequest.GitHub("push", "m-413-" + projectId, projectId).Body(JsonOfLength(TenMiB + 1)).Chunked().Sign());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
    }

    private Task<Answer> Send(WebhookRequest request) => request.SendAsync(factory.CreateClient());

    private static byte[] JsonOfLength(int length)
    {
        var body = new byte[length];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        return body;
    }
}
