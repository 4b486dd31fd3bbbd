using System.Security.Cryptography;
using System.Text;
using OCore.WebhookReceiver.Verification;

namespace OCore.WebhookReceiver.Tests.Verification;

/// <summary>A reused keyed hash must start every delivery clean, whatever the previous one left.</summary>
public sealed class HmacPoolTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec-pool-test");

    [Fact]
    public void Deliveries_in_a_row_on_pooled_hashes_verify_each_on_its_own()
    {
        var pool = new HmacPool();

        Assert.True(Verify(pool, "first body"u8.ToArray(), Digest("first body"u8.ToArray())));
        Assert.False(Verify(pool, "second body"u8.ToArray(), Digest("first body"u8.ToArray())));
        Assert.True(Verify(pool, "second body"u8.ToArray(), Digest("second body"u8.ToArray())));
    }

    [Fact]
    public void A_hash_left_mid_body_is_not_reused()
    {
        var pool = new HmacPool();
        var abandoned = new HmacBodySignature([Secret], Digest("whole"u8.ToArray()), secretsAreReal: true, pool);
        abandoned.Append("part of a body that was never finished"u8);
        abandoned.Dispose();

        Assert.True(Verify(pool, "whole"u8.ToArray(), Digest("whole"u8.ToArray())));
    }

    private static bool Verify(HmacPool pool, byte[] body, byte[] digest)
    {
        using var signature = new HmacBodySignature([Secret], digest, secretsAreReal: true, pool);
        signature.Append(body.AsSpan(0, body.Length / 2));
        signature.Append(body.AsSpan(body.Length / 2));
        return signature.IsValid();
    }

    private static byte[] Digest(byte[] body) => HMACSHA256.HashData(Secret, body);
}
