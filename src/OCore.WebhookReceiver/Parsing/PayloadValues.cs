using System.Buffers;
using System.Text.Json;
using OCore.Api.Git;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>The checks and messages shared by the document parsers (<see cref="PayloadObject"/>) and the streaming readers.</summary>
internal static class PayloadValues
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>A ref or branch name that git itself would accept; <paramref name="path"/> names the field.</summary>
    public static string RefName(string value, string path) =>
        GitRefs.RefNameError(value) is null ? value : throw Invalid(path, "is not a valid git ref name");

    /// <summary>A commit id (40 or 64 hex digits, lower-cased), or null for the all-zero id that means "no commit".</summary>
    public static string? Commit(string value, string path)
    {
        if (value.Length is not (40 or 64) || value.AsSpan().ContainsAnyExcept(HexDigits))
            throw Invalid(path, "is not a commit id (40 or 64 hex digits)");
        return value.AsSpan().ContainsAnyExcept('0') ? value.ToLowerInvariant() : null;
    }

    public static PayloadException Invalid(string path, string problem) => new($"payload field '{path}' {problem}");

    public static PayloadException Missing(string path) => Invalid(path, "is missing");

    public static PayloadException WrongType(string path, JsonValueKind kind, string expected) =>
        Invalid(path, $"is {Describe(kind)}, not {expected}");

    public static PayloadException NotAnObject(JsonValueKind kind) => new($"payload is {Describe(kind)}, not a JSON object");

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
