using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace OCore.WebhookReceiver.Verification;

/// <summary>Reads the <c>sha256=&lt;hex&gt;</c> form of GitHub's <c>X-Hub-Signature-256</c> and Bitbucket's <c>X-Hub-Signature</c>.</summary>
internal static class SignatureHeader
{
    private const string Prefix = "sha256=";

    public static bool TryParseHmacSha256(string value, [NotNullWhen(true)] out byte[]? digest)
    {
        digest = null;
        var hex = value.AsSpan().Trim();
        if (!hex.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        hex = hex[Prefix.Length..];
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2)
            return false;

        var bytes = new byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, bytes, out _, out _) != OperationStatus.Done)
            return false;
        digest = bytes;
        return true;
    }
}
