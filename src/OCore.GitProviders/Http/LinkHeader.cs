namespace OCore.GitProviders.Http;

/// <summary>The <c>Link</c> response header GitHub uses for pagination (RFC 8288).</summary>
internal static class LinkHeader
{
    /// <summary>The <c>rel="next"</c> target, or null on the last page.</summary>
    public static Uri? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
            return null;

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            var target = parts[0];
            if (target.Length < 2 || target[0] != '<' || target[^1] != '>')
                continue;
            if (parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
                return Uri.TryCreate(target[1..^1], UriKind.Absolute, out var uri) ? uri : null;
        }

        return null;
    }
}
