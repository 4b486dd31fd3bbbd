using System.Security.Cryptography;

namespace OCore.Api.Naming;

/// <summary>Project ids: the unguessable, URL-safe part of a webhook URL.</summary>
public static class ProjectIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>26 characters of lower-case base32: 130 random bits.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 26);

    public static bool IsWellFormed(string? id) => id is { Length: 26 } && id.All(Alphabet.Contains);
}
