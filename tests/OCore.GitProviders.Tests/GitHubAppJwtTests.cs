using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OCore.GitProviders.GitHubApp;
using OCore.Testing.FakeGitHub;

namespace OCore.GitProviders.Tests;

public sealed class GitHubAppJwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_signs_RS256_with_iat_60s_back_exp_9min_ahead_and_the_app_id_as_iss()
    {
        using var jwt = new GitHubAppJwt("12345", TestKeys.AppPrivateKeyPem, new FakeTimeProvider(Now));

        var token = jwt.Create();

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        Assert.Equal(Now.ToUnixTimeSeconds() - 60, payload["iat"]!.GetValue<long>());
        Assert.Equal(Now.ToUnixTimeSeconds() + 540, payload["exp"]!.GetValue<long>());
        Assert.Equal(12345, payload["iss"]!.GetValue<long>());
        Assert.Equal(3, payload.Count);

        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        var signature = Base64Url.DecodeFromChars(parts[2]);
        using var publicKey = TestKeys.AppPublicKey();
        Assert.True(publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.False(TestKeys.OtherKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Null(JwtVerifier.Check(token, publicKey, "12345", Now));
    }

    [Fact]
    public void Create_keeps_a_client_id_issuer_as_a_string_and_accepts_pkcs8()
    {
        using var jwt = new GitHubAppJwt("Iv23liABC", TestKeys.AppKey.ExportPkcs8PrivateKeyPem(), new FakeTimeProvider(Now));

        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Create().Split('.')[1]))!;

        Assert.Equal("Iv23liABC", payload["iss"]!.GetValue<string>());
    }

    [Fact]
    public void Create_follows_the_clock()
    {
        var time = new FakeTimeProvider(Now);
        using var jwt = new GitHubAppJwt("12345", TestKeys.AppPrivateKeyPem, time);
        time.Advance(TimeSpan.FromMinutes(30));

        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Create().Split('.')[1]))!;

        Assert.Equal((Now + TimeSpan.FromMinutes(30)).ToUnixTimeSeconds() - 60, payload["iat"]!.GetValue<long>());
    }

    [Fact]
    public void An_unusable_key_is_rejected_without_echoing_it()
    {
        const string notAKey = "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END RSA PRIVATE KEY-----";

        var error = Assert.Throws<ArgumentException>(() => new GitHubAppJwt("12345", notAKey));

        Assert.DoesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA", error.ToString(), StringComparison.Ordinal);
    }
}
