using System.Security.Cryptography;

namespace OCore.Testing.FakeGitHub;

/// <summary>RSA keys made for the test run; the fake GitHub knows only the App key's public half.</summary>
public static class TestKeys
{
    public static readonly RSA AppKey = RSA.Create(2048);

    public static readonly RSA OtherKey = RSA.Create(2048);

    /// <summary>PKCS#1, the format GitHub's "Generate a private key" downloads.</summary>
    public static string AppPrivateKeyPem => AppKey.ExportRSAPrivateKeyPem();

    public static RSA AppPublicKey()
    {
        var key = RSA.Create();
        key.ImportRSAPublicKey(AppKey.ExportRSAPublicKey(), out _);
        return key;
    }
}
