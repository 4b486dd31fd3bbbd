using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OCore.GitProviders.GitHubApp;

/// <summary>
/// Signs the short-lived RS256 JSON Web Token a GitHub App authenticates with (<c>/app/...</c> endpoints and the
/// exchange for installation tokens). Built by hand: three base64url parts, no JWT library needed.
/// </summary>
public sealed class GitHubAppJwt : IDisposable
{
    /// <summary>Backdated against clock drift, as GitHub recommends.</summary>
    public static readonly TimeSpan IssuedAtSkew = TimeSpan.FromSeconds(60);

    /// <summary>GitHub accepts at most 10 minutes; 9 leaves room for drift.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private static readonly string EncodedHeader =
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT"}"""));

    private readonly string _appId;
    private readonly RSA _key;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _signing = new();

    public GitHubAppJwt(string appId, string privateKeyPem, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        _appId = appId.Trim();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(privateKeyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            _key.Dispose();
            // The framework's message describes the format problem only; the key text itself is never echoed.
            throw new ArgumentException($"the GitHub App private key is not a usable RSA PEM key: {e.Message}", nameof(privateKeyPem));
        }
    }

    /// <summary>A new JWT: <c>iat</c> = now − 60 s, <c>exp</c> = now + 9 min, <c>iss</c> = the App ID.</summary>
    public string Create()
    {
        var now = _timeProvider.GetUtcNow();
        var payload = new JsonObject
        {
            ["iat"] = (now - IssuedAtSkew).ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            // GitHub documents the App ID as a number; a client ID (Iv1.…) stays a string.
            ["iss"] = long.TryParse(_appId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : _appId,
        };
        var signingInput = $"{EncodedHeader}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";

        byte[] signature;
        // RSA instances are not documented as thread-safe; the operator signs from several reconcilers.
        lock (_signing)
            signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public void Dispose() => _key.Dispose();
}
