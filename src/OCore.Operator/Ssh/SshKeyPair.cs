using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace OCore.Operator.Ssh;

/// <summary>
/// A new Ed25519 deploy key in the formats git and providers expect: the private key as an unencrypted
/// <c>openssh-key-v1</c> PEM (what <c>ssh-keygen -t ed25519</c> writes), the public key as an authorized_keys line,
/// and the SHA256 fingerprint as providers display it.
/// </summary>
public sealed record SshKeyPair(string PrivateKey, string PublicKey, string Fingerprint)
{
    private const string KeyType = "ssh-ed25519";

    public static SshKeyPair Generate(string comment)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        try
        {
            var publicBlob = new SshWireWriter().String(KeyType).String(publicKey).ToArray();
            return new SshKeyPair(
                PrivatePem(seed, publicKey, publicBlob, comment),
                $"{KeyType} {Convert.ToBase64String(publicBlob)} {comment}",
                FingerprintOf(publicBlob));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary><c>SHA256:</c> and the unpadded base64 of the blob's SHA-256, as <c>ssh-keygen -l</c> prints it.</summary>
    public static string FingerprintOf(byte[] publicBlob) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(publicBlob)).TrimEnd('=');

    private static string PrivatePem(byte[] seed, byte[] publicKey, byte[] publicBlob, string comment)
    {
        var check = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        var secret = new byte[64]; // OpenSSH stores the seed followed by the public key.
        seed.CopyTo(secret, 0);
        publicKey.CopyTo(secret, 32);
        var section = new SshWireWriter().UInt32(check).UInt32(check).String(KeyType).String(publicKey).String(secret).String(comment);
        for (byte pad = 1; section.Length % 8 != 0; pad++)
            section.Raw([pad]);
        var body = new SshWireWriter()
            .Raw("openssh-key-v1\0"u8)
            .String("none").String("none").String("")
            .UInt32(1)
            .String(publicBlob)
            .String(section.ToArray())
            .ToArray();
        CryptographicOperations.ZeroMemory(secret);

        var base64 = Convert.ToBase64String(body);
        var pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (var i = 0; i < base64.Length; i += 70)
            pem.Append(base64.AsSpan(i, Math.Min(70, base64.Length - i))).Append('\n');
        return pem.Append("-----END OPENSSH PRIVATE KEY-----\n").ToString();
    }
}
