using System.Buffers;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// Git's own rules for ref names (git check-ref-format), applied to untrusted payload values before they reach
/// the handler, which turns branch names into object names and labels.
/// </summary>
internal static class GitRefName
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" ~^:?*[\\\u007f");

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 1024
        && !name.AsSpan().ContainsAny(Forbidden)
        && !name.AsSpan().ContainsAnyInRange('\0', '\u001f')
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains("@{", StringComparison.Ordinal)
        && !name.Contains("//", StringComparison.Ordinal)
        && !name.StartsWith('/')
        && !name.EndsWith('/')
        && !name.EndsWith('.')
        && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.Contains("/.", StringComparison.Ordinal)
        && !name.StartsWith('.');
}
