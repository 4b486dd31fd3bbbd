using System.Text;
using OCore.WebhookReceiver.Parsing;

namespace OCore.WebhookReceiver.Tests.Parsing;

public sealed class BodyDecodingTests
{
    [Theory]
    [InlineData("payload=%7B%22a%22%3A%22b+c%22%7D", """{"a":"b c"}""")]
    [InlineData("other=1&payload=%7B%7D&more=2", "{}")]
    [InlineData("payload=", "")]
    [InlineData("payload=%c3%a9", "é")]
    public void Form_payload_field_is_url_decoded(string form, string json)
    {
        var body = Encoding.UTF8.GetBytes(form);

        var range = FormPayload.DecodeInPlace(body);

        Assert.Equal(json, Encoding.UTF8.GetString(body.AsSpan()[range]));
    }

    [Theory]
    [InlineData("payloads=%7B%7D", "form body has no 'payload' field")]
    [InlineData("", "form body has no 'payload' field")]
    [InlineData("{\"ref\":\"refs/heads/main\"}", "form body has no 'payload' field")]
    [InlineData("payload=%7", "form field 'payload' has an invalid percent-encoding")]
    [InlineData("payload=%zz", "form field 'payload' has an invalid percent-encoding")]
    public void Form_without_a_decodable_payload_field_is_rejected(string form, string message)
    {
        var error = Assert.Throws<PayloadException>(() => FormPayload.DecodeInPlace(Encoding.UTF8.GetBytes(form)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Json_with_a_byte_order_mark_parses()
    {
        using var document = JsonPayload.Parse("\uFEFF{\"a\":1}"u8.ToArray());

        Assert.Equal(1, document.RootElement.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' }, "body is not valid UTF-8 JSON: it contains bytes that are not UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 }, "body is not valid UTF-8 JSON: it contains bytes that are not UTF-8")]
    [InlineData(new byte[0], "body is empty; a JSON payload was expected")]
    public void Bytes_that_are_not_UTF8_JSON_are_rejected(byte[] body, string message)
    {
        var error = Assert.Throws<PayloadException>(() => JsonPayload.Parse(body));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Truncated_json_is_rejected_with_the_parser_message()
    {
        var error = Assert.Throws<PayloadException>(() => JsonPayload.Parse("{\"ref\":\"refs/heads/ma"u8.ToArray()));

        Assert.StartsWith("body is not valid UTF-8 JSON: ", error.Message, StringComparison.Ordinal);
    }
}
