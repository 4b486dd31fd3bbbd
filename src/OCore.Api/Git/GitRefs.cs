namespace OCore.Api.Git;

/// <summary>Git reference names as pushes carry them (<c>refs/heads/...</c>, <c>refs/tags/...</c>).</summary>
public static class GitRefs
{
    public const string HeadsPrefix = "refs/heads/";
    public const string TagsPrefix = "refs/tags/";

    /// <summary>The all-zero id providers send as the new commit of a deleted ref.</summary>
    public const string ZeroCommit = "0000000000000000000000000000000000000000";

    /// <summary>Longer names are refused: they come from untrusted payloads and end up in labels and messages.</summary>
    public const int MaxRefLength = 1024;

    /// <summary>The branch of a <c>refs/heads/</c> ref; null for tags, notes, pull refs and anything else.</summary>
    public static string? BranchOf(string? fullRef) =>
        fullRef is not null && fullRef.StartsWith(HeadsPrefix, StringComparison.Ordinal) && fullRef.Length > HeadsPrefix.Length
            ? fullRef[HeadsPrefix.Length..]
            : null;

    public static bool IsTag(string? fullRef) => fullRef?.StartsWith(TagsPrefix, StringComparison.Ordinal) == true;

    public static bool IsZeroCommit(string? commit) => commit is not null && commit.Length > 0 && commit.All(c => c == '0');

    /// <summary>
    /// Whether <paramref name="branch"/> is a name git accepts for a branch (the rules of <c>git check-ref-format</c>):
    /// no control characters, space, <c>~^:?*[\</c>, <c>..</c> or <c>@{</c>; no empty component, none starting with
    /// <c>.</c> or ending with <c>.lock</c>; not starting with <c>-</c>, not ending with <c>.</c>; not <c>@</c>.
    /// </summary>
    public static bool IsValidBranchName(string? branch) => BranchNameError(branch) is null;

    /// <summary>Why a branch name is invalid, or null when it is valid.</summary>
    public static string? BranchNameError(string? branch)
    {
        if (string.IsNullOrEmpty(branch))
            return "branch name is empty";
        if (branch == "@")
            return "'@' is not a branch name";
        if (branch.StartsWith('-'))
            return "a branch name cannot start with '-'";
        return RefNameError(branch);
    }

    /// <summary>Why a ref name (full, such as <c>refs/heads/main</c>, or a branch) breaks git's check-ref-format rules; null when it does not.</summary>
    public static string? RefNameError(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "ref name is empty";
        if (name.Length > MaxRefLength)
            return $"a ref name cannot be longer than {MaxRefLength} characters";
        if (name.EndsWith('.'))
            return "a ref name cannot end with '.'";
        if (name.Contains("..", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal))
            return "a ref name cannot contain '..' or '@{'";
        foreach (var c in name)
        {
            if (c < 0x20 || c == 0x7f || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
                return $"a ref name cannot contain '{(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString())}'";
        }

        foreach (var component in name.Split('/'))
        {
            if (component.Length == 0)
                return "a ref name cannot start or end with '/' or contain '//'";
            if (component.StartsWith('.') || component.EndsWith(".lock", StringComparison.Ordinal))
                return "no part of a ref name can start with '.' or end with '.lock'";
        }

        return null;
    }
}
