namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// GitHub's form content type sends <c>payload=&lt;url-encoded JSON&gt;</c>. The signature covers the raw form
/// body, so the field is decoded only after verification, in place (decoding never makes it longer).
/// </summary>
internal static class FormPayload
{
    private static ReadOnlySpan<byte> FieldName => "payload"u8;

    /// <returns>Where the decoded JSON now lies in <paramref name="body"/>.</returns>
    public static Range DecodeInPlace(Span<byte> body)
    {
        var offset = 0;
        while (offset <= body.Length)
        {
            var pair = body[offset..];
            var end = pair.IndexOf((byte)'&');
            if (end >= 0)
                pair = pair[..end];

            var equals = pair.IndexOf((byte)'=');
            if (equals >= 0 && pair[..equals].SequenceEqual(FieldName))
            {
                var start = offset + equals + 1;
                return new Range(start, start + Decode(pair[(equals + 1)..]));
            }

            if (end < 0)
                break;
            offset += end + 1;
        }

        throw new PayloadException("form body has no 'payload' field");
    }

    private static int Decode(Span<byte> value)
    {
        var written = 0;
        for (var read = 0; read < value.Length; read++)
        {
            var b = value[read];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%')
            {
                if (read + 2 >= value.Length || !IsHex(value[read + 1]) || !IsHex(value[read + 2]))
                    throw new PayloadException("form field 'payload' has an invalid percent-encoding");
                b = (byte)((HexValue(value[read + 1]) << 4) | HexValue(value[read + 2]));
                read += 2;
            }

            value[written++] = b;
        }

        return written;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
