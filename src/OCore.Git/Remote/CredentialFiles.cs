namespace OCore.Git.Remote;

/// <summary>
/// The deploy key and known_hosts written to a fresh private directory for one operation, because <c>ssh</c> only
/// reads them from files. Dispose deletes the directory.
/// </summary>
internal sealed class CredentialFiles : IDisposable
{
    private CredentialFiles(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string IdentityPath => Path.Combine(Directory, "identity");

    public string KnownHostsPath => Path.Combine(Directory, "known_hosts");

    public static CredentialFiles Write(DeployKeyCredentials credentials)
    {
        // CreateTempSubdirectory gives the directory mode 0700 on Unix.
        var files = new CredentialFiles(System.IO.Directory.CreateTempSubdirectory("ocore-git-").FullName);
        try
        {
            WritePrivateFile(files.IdentityPath, credentials.PrivateKey);
            WritePrivateFile(files.KnownHostsPath, credentials.KnownHosts);
            return files;
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing is left to protect.
        }
    }

    private static void WritePrivateFile(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // ssh refuses a private key that others can read; create it 0600 so it is never readable, even briefly.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // No byte order mark: ssh cannot parse a key file that starts with one.
        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(Normalize(text));
    }

    /// <summary>Secrets pasted from Windows carry CRLF, and ssh rejects a key file without a final newline.</summary>
    internal static string Normalize(string text)
    {
        var unix = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return unix.Length == 0 || unix.EndsWith('\n') ? unix : unix + "\n";
    }
}
