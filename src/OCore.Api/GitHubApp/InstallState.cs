using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OCore.Api.GitHubApp;

/// <summary>
/// The <c>state</c> of a GitHub App install link (<c>GitHubAppOptions.InstallUrl(state)</c>). GitHub hands it back to
/// the receiver's callback with the new <c>installation_id</c>; the state says which namespace (oCore organization)
/// the installation is linked to, expires, and is signed, so nobody can change the namespace or reuse an old link.
/// Format: <c>v1.&lt;payload&gt;.&lt;signature&gt;</c>, base64url; the payload is JSON <c>{ns, exp, nonce}</c> and the
/// signature HMAC-SHA256 over <c>v1.&lt;payload&gt;</c>.
/// <para>
/// Mint a state only for a user allowed to manage GitHubInstallations in that namespace (the
/// <c>manage:org_settings</c> permission): whoever holds it can link an installation there until it expires.
/// </para>
/// </summary>
public static partial class InstallState
{
    /// <summary>Long enough to pick an account and its repositories on GitHub, short enough that a leaked link soon dies.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);

    private const string Version = "v1";
    private const int MaxTokenLength = 1024;

    /// <summary>The signing key derived from the App's webhook secret, when the App Secret has no dedicated <c>state-key</c>.</summary>
    public static byte[] KeyFromSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        // Derived, not the secret itself: a state signature can never double as a webhook signature.
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "ocore.io/github-app/install-state/v1"u8);
    }

    /// <summary>
    /// Proof that an installation was linked to <paramref name="namespace"/> through the install flow (a state minted for a
    /// user allowed to manage org settings there). The operator only uses installations that carry it, so a namespace admin
    /// cannot borrow another organization's installation by typing its id into a GitHubInstallation.
    /// </summary>
    public static string LinkProof(byte[] key, string @namespace, long installationId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var message = Encoding.UTF8.GetBytes($"ocore.io/github-app/link/v1\n{@namespace}\n{installationId}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, message));
    }

    /// <summary>Whether <paramref name="proof"/> is the link proof of this namespace and installation (constant-time).</summary>
    public static bool IsLinkProof(byte[] key, string @namespace, long installationId, string? proof)
    {
        if (string.IsNullOrEmpty(proof))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(LinkProof(key, @namespace, installationId)), Encoding.ASCII.GetBytes(proof));
    }

    /// <summary>A signed state naming <paramref name="namespace"/>, valid until <paramref name="expiresAt"/>.</summary>
    public static string Mint(byte[] key, string @namespace, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
            throw new ArgumentException("the state key must have at least 16 bytes", nameof(key));
        if (!IsNamespace(@namespace))
            throw new ArgumentException($"'{@namespace}' is not a namespace name", nameof(@namespace));

        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("ns", @namespace);
            writer.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            writer.WriteString("nonce", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            writer.WriteEndObject();
        }

        var signed = $"{Version}.{Base64Url.EncodeToString(json.ToArray())}";
        return $"{signed}.{Base64Url.EncodeToString(Sign(key, signed))}";
    }

    /// <summary>Checks signature and expiry; <paramref name="error"/> says what is wrong, in words for the person installing.</summary>
    public static bool TryRead(byte[] key, string? token, DateTimeOffset now,
        [NotNullWhen(true)] out InstallStateContent? content, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(key);
        content = null;
        error = "the install link's state is missing or malformed; start the installation again from oCore";
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return false;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
            return false;

        if (!CryptographicOperations.FixedTimeEquals(Sign(key, $"{parts[0]}.{parts[1]}"), signature))
        {
            error = "the install link's state is not signed by this oCore (it was altered or comes from elsewhere); start the installation again from oCore";
            return false;
        }

        string? ns;
        long exp;
        string? nonce;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            ns = root.GetProperty("ns").GetString();
            exp = root.GetProperty("exp").GetInt64();
            nonce = root.GetProperty("nonce").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }

        if (!IsNamespace(ns) || string.IsNullOrEmpty(nonce))
            return false;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (now >= expiresAt)
        {
            error = $"the install link expired at {expiresAt:yyyy-MM-dd HH:mm:ss} UTC; start the installation again from oCore";
            return false;
        }

        content = new InstallStateContent(ns, expiresAt, nonce);
        error = null;
        return true;
    }

    private static byte[] Sign(byte[] key, string signed) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));

    private static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length == 0 || !Base64Url.IsValid(text))
            return false;
        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static bool IsNamespace([NotNullWhen(true)] string? value) => value is { Length: > 0 and <= 63 } && NamespaceName().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamespaceName();
}
