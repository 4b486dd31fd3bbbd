using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace OCore.WebhookReceiver.Verification;

/// <summary>
/// Keyed HMAC-SHA256 instances kept for reuse, per secret. Creating one sets up and later frees a native HMAC
/// context, which cost as much as hashing the 8 KB body itself; a finished hash resets to its keyed start and can
/// serve the next delivery. Entries follow the secret's byte array: when a rotated-out secret is collected, its
/// instances go with it.
/// </summary>
internal sealed class HmacPool
{
    // Enough for the deliveries of one project that are hashed at the same moment on a small node.
    private const int MaxIdlePerSecret = 16;

    private readonly ConditionalWeakTable<byte[], ConcurrentQueue<IncrementalHash>> _idle = new();

    public IncrementalHash Rent(byte[] secret) =>
        _idle.TryGetValue(secret, out var idle) && idle.TryDequeue(out var hash)
            ? hash
            : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);

    /// <summary>Takes back a hash whose result was read (so it is reset); anything beyond the bound is disposed.</summary>
    public void Return(byte[] secret, IncrementalHash hash)
    {
        var idle = _idle.GetValue(secret, static _ => new ConcurrentQueue<IncrementalHash>());
        if (idle.Count < MaxIdlePerSecret)
            idle.Enqueue(hash);
        else
            hash.Dispose();
    }
}
