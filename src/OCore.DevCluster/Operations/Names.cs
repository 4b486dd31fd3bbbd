using System.Security.Cryptography;

namespace OCore.DevCluster.Operations;

/// <summary>Name generation as kube-apiserver does it for generateName.</summary>
internal static class Names
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        if (prefix.Length > 58)
        {
            prefix = prefix[..58];
        }
        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return prefix + new string(suffix);
    }
}
