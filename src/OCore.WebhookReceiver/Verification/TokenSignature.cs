using System.Security.Cryptography;

namespace OCore.WebhookReceiver.Verification;

/// <summary>GitLab's plain shared token, compared in constant time with each candidate secret.</summary>
internal sealed class TokenSignature(IReadOnlyList<byte[]> secrets, byte[] presentedToken, bool secretsAreReal) : IBodySignature
{
    public void Append(ReadOnlySpan<byte> bodyChunk)
    {
        // The token does not cover the body.
    }

    public bool IsValid()
    {
        // Comparing SHA-256 digests keeps the comparison fixed-length, so the time does not reveal the secret's length.
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> candidate = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(presentedToken, presented);
        var matched = false;
        foreach (var secret in secrets)
        {
            SHA256.HashData(secret, candidate);
            matched |= CryptographicOperations.FixedTimeEquals(candidate, presented);
        }

        return matched && secretsAreReal;
    }

    public void Dispose()
    {
    }
}
