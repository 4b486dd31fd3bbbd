namespace OCore.Git.Serving;

/// <summary>POSIX single quoting, for the paths sshd hands to the login shell.</summary>
internal static class ShellQuote
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
