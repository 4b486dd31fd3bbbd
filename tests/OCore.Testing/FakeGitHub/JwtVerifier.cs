using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OCore.Testing.FakeGitHub;

/// <summary>Checks an App JWT the way GitHub does: RS256 signature by the App's key, iat/exp window, iss.</summary>
public static class JwtVerifier
{
    /// <summary>Null when the JWT is valid, else why not.</summary>
    public static string? Check(string jwt, RSA publicKey, string appId, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
            return "not a JWT";

        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        if (header["alg"]?.GetValue<string>() != "RS256")
            return "alg must be RS256";

        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        if (!publicKey.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            return "signature does not verify with the App's public key";

        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        var iat = payload["iat"]!.GetValue<long>();
        var exp = payload["exp"]!.GetValue<long>();
        var nowSeconds = now.ToUnixTimeSeconds();
        if (iat > nowSeconds)
            return "iat is in the future";
        if (exp <= nowSeconds)
            return "exp is in the past";
        if (exp - iat > 600)
            return "exp is more than 10 minutes after iat";
        if (payload["iss"]!.ToString() != appId)
            return "iss is not the App ID";
        return null;
    }
}
