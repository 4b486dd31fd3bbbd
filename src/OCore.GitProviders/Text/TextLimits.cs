namespace OCore.GitProviders.Text;

/// <summary>Providers reject over-long fields (GitHub answers 422), so texts are cut to their limits first.</summary>
internal static class TextLimits
{
    /// <summary>GitHub commit status <c>description</c>.</summary>
    public const int GitHubStatusDescription = 140;

    /// <summary>GitHub check run <c>output.summary</c> and <c>output.text</c>.</summary>
    public const int CheckRunOutputText = 65535;

    /// <summary>GitLab commit status <c>description</c>; also used for Bitbucket, whose status fields are short too.</summary>
    public const int GitLabStatusDescription = 255;

    public const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxLength"/> UTF-16 characters including
    /// <paramref name="marker"/>, never splitting a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int maxLength, string marker = Ellipsis)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, marker.Length);
        if (text.Length <= maxLength)
            return text;

        var cut = maxLength - marker.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), marker);
    }

    public static string? TruncateOrNull(string? text, int maxLength, string marker = Ellipsis) =>
        text is null ? null : Truncate(text, maxLength, marker);
}
