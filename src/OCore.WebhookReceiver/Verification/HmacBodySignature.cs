using System.Security.Cryptography;

namespace OCore.WebhookReceiver.Verification;

/// <summary>HMAC-SHA256 of the raw body under each candidate secret, compared in constant time with the presented digest.</summary>
internal sealed class HmacBodySignature : IBodySignature
{
    private readonly IReadOnlyList<byte[]> _secrets;
    private readonly IncrementalHash[] _hashes;
    private readonly byte[] _expected;
    private readonly bool _secretsAreReal;
    private readonly HmacPool? _pool;
    private bool _finished;

    /// <param name="secrets">Candidate keys; at least one.</param>
    /// <param name="expected">The digest from the signature header.</param>
    /// <param name="secretsAreReal">False when <paramref name="secrets"/> is the stand-in for an unknown project: the work is done, the answer is no.</param>
    /// <param name="pool">Where the keyed hashes come from and go back to; null creates and frees them here.</param>
    public HmacBodySignature(IReadOnlyList<byte[]> secrets, byte[] expected, bool secretsAreReal, HmacPool? pool = null)
    {
        _secrets = secrets;
        _hashes = new IncrementalHash[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
            _hashes[i] = pool?.Rent(secrets[i]) ?? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secrets[i]);
        _expected = expected;
        _secretsAreReal = secretsAreReal;
        _pool = pool;
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

        _finished = true;
        return matched && _secretsAreReal;
    }

    public void Dispose()
    {
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Only a reset hash may serve another delivery; one left mid-body (too large, cancelled) is freed.
            if (_pool is not null && _finished)
                _pool.Return(_secrets[i], _hashes[i]);
            else
                _hashes[i].Dispose();
        }
    }
}
