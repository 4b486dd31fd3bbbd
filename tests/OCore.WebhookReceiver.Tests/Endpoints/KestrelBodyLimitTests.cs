using System.Net;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

/// <summary>Over real Kestrel, whose own limit is 30 MB: the configured cap decides, in both directions.</summary>
public sealed class KestrelBodyLimitTests(KestrelBodyLimitTests.KestrelFactory factory) : IClassFixture<KestrelBodyLimitTests.KestrelFactory>
{
    private const int Cap = 31_000_000;

    [Fact]
    public async Task Body_larger_than_Kestrels_default_but_within_the_cap_is_read()
    {
        var answer = await WebhookRequest.GitHub("push", "k-within").Body(JsonOfLength(Cap)).Chunked().Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("payload field 'ref' is missing", answer.Message);
    }

    [Fact]
    public async Task Declared_length_one_byte_over_the_cap_is_refused_before_the_body_is_sent()
    {
        var answer = await WebhookRequest.GitHub("push", "k-over").Body(JsonOfLength(Cap + 1)).ExpectContinue().Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("body is larger than 31000000 bytes", answer.Message);
    }

    private static byte[] JsonOfLength(int length)
    {
        var body = new byte[length];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        return body;
    }

    public sealed class KestrelFactory : ReceiverFactory
    {
        public KestrelFactory()
            : base(new Dictionary<string, string?> { ["Webhooks:MaxBodyBytes"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            UseKestrel(0);
        }
    }
}
