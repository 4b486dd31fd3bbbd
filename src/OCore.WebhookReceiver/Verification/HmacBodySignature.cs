using System.Security.Cryptography;

namespace OCore.WebhookReceiver.Verification;

/// <summary>HMAC-SHA256 of the raw body under each candidate secret, compared in constant time with the presented digest.</summary>
internal sealed class HmacBodySignature : IBodySignature
{
    private readonly IncrementalHash[] _hashes;
    private readonly byte[] _expected;
    private readonly bool _secretsAreReal;

    /// <param name="secrets">Candidate keys; at least one.</param>
    /// <param name="expected">The digest from the signature header.</param>
    /// <param name="secretsAreReal">False when <paramref name="secrets"/> is the stand-in for an unknown project: the work is done, the answer is no.</param>
    public HmacBodySignature(IReadOnlyList<byte[]> secrets, byte[] expected, bool secretsAreReal)
    {
        _hashes = new IncrementalHash[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
            _hashes[i] = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secrets[i]);
        _expected = expected;
        _secretsAreReal = secretsAreReal;
    }

    public void Append(ReadOnlySpan<byte> bodyChunk)
    {
        foreach (var hash in _hashes)
            hash.AppendData(bodyChunk);
    }

    public bool IsValid()
    {
        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var matched = false;
        foreach (var hash in _hashes)
        {
            hash.GetHashAndReset(actual);
            // No early exit: every candidate costs the same whether or not an earlier one matched.
            matched |= CryptographicOperations.FixedTimeEquals(actual, _expected);
        }

        return matched && _secretsAreReal;
    }

    public void Dispose()
    {
        foreach (var hash in _hashes)
            hash.Dispose();
    }
}
