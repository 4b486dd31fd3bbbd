using System.Text;

namespace OCore.Git.Modules;

/// <summary>
/// Reads the <c>'version'</c> of an Odoo <c>__manifest__.py</c>. The manifest is a Python dict literal; this reads
/// just enough Python (strings in all quote styles, comments, nesting) to find the top-level key without running it.
/// </summary>
internal static class ManifestVersion
{
    /// <summary>The version text, or null when the manifest has no top-level string 'version'.</summary>
    public static string? Parse(string manifest)
    {
        var tokens = Tokenize(manifest);
        for (var i = 1; i + 2 < tokens.Count; i++)
        {
            var key = tokens[i];
            var before = tokens[i - 1];
            var isTopLevelKey = key is { IsString: true, Depth: 1 }
                && (before is { Text: "{", IsString: false, Depth: 0 } || before is { Text: ",", IsString: false, Depth: 1 });
            if (!isTopLevelKey || key.Text != "version" || tokens[i + 1] is not { Text: ":", IsString: false })
                continue;

            // Adjacent literals concatenate in Python: 'version': '16.0.' '1.0.0'.
            var value = new StringBuilder();
            for (var j = i + 2; j < tokens.Count && tokens[j].IsString; j++)
                value.Append(tokens[j].Text);
            return tokens[i + 2].IsString ? value.ToString().Trim() : null;
        }

        return null;
    }

    private static List<ManifestToken> Tokenize(string text)
    {
        var tokens = new List<ManifestToken>();
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\\')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(new ManifestToken(ReadString(text, ref i, raw: false), IsString: true, depth));
            }
            else if (IsStringPrefix(text, i, out var prefixLength))
            {
                var raw = text.AsSpan(i, prefixLength).ContainsAny('r', 'R');
                i += prefixLength;
                tokens.Add(new ManifestToken(ReadString(text, ref i, raw), IsString: true, depth));
            }
            else if (c is '{' or '[' or '(')
            {
                tokens.Add(new ManifestToken(c.ToString(), IsString: false, depth));
                depth++;
                i++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth = Math.Max(0, depth - 1);
                tokens.Add(new ManifestToken(c.ToString(), IsString: false, depth));
                i++;
            }
            else if (c is ',' or ':')
            {
                tokens.Add(new ManifestToken(c.ToString(), IsString: false, depth));
                i++;
            }
            else
            {
                // Names, numbers, operators: one token per run, enough to tell that a value is not a string.
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && "{}[](),:#'\"".IndexOf(text[i], StringComparison.Ordinal) < 0)
                    i++;
                tokens.Add(new ManifestToken(text[start..i], IsString: false, depth));
            }
        }

        return tokens;
    }

    /// <summary>Python string prefixes (r, u, b, f and pairs like rb) directly before a quote.</summary>
    private static bool IsStringPrefix(string text, int start, out int length)
    {
        length = 0;
        while (start + length < text.Length && length < 2 && "rRuUbBfF".Contains(text[start + length], StringComparison.Ordinal))
            length++;
        var prefixEnds = length > 0 && start + length < text.Length && text[start + length] is '\'' or '"';
        var partOfName = start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_');
        return prefixEnds && !partOfName;
    }

    /// <summary>Reads a '...', "...", '''...''' or """...""" literal starting at <paramref name="i"/>.</summary>
    private static string ReadString(string text, ref int i, bool raw)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (raw)
                    value.Append(c);
                value.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                return value.ToString();
            }

            if (c == '\n' && !triple)
                break; // an unterminated single-line string: stop at the line's end like Python's error would
            value.Append(c);
            i++;
        }

        return value.ToString();
    }
}
