using System.Runtime.Versioning;
using System.Text;
using OCore.Git.Remote;

namespace OCore.Git.Tests.Remote;

public sealed class CredentialFilesTests
{
    private const string Key = "-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\r\n-----END OPENSSH PRIVATE KEY-----";

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are a Unix notion; the operator runs on Linux
    public void Writes_owner_only_files_with_unix_line_endings_and_deletes_them_on_dispose()
    {
        string directory;
        using (var files = CredentialFiles.Write(new DeployKeyCredentials(Key, "[git.example.com]:2222 ssh-ed25519 AAAAC3")))
        {
            directory = files.Directory;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.IdentityPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.KnownHostsPath));
            // No byte order mark, no CR, a final newline: what ssh can parse.
            var identity = File.ReadAllBytes(files.IdentityPath);
            Assert.Equal(Encoding.ASCII.GetBytes(Key.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"), identity);
            Assert.Equal("[git.example.com]:2222 ssh-ed25519 AAAAC3\n", File.ReadAllText(files.KnownHostsPath));
        }

        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Credentials_never_print_the_key()
    {
        var credentials = new DeployKeyCredentials(Key, "");

        Assert.DoesNotContain("b3BlbnNzaC1", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_identity_is_refused()
    {
        var data = new Dictionary<string, byte[]> { ["known_hosts"] = [] };

        var error = Assert.Throws<ArgumentException>(() => DeployKeyCredentials.FromSecretData(data));

        Assert.Contains("'identity'", error.Message, StringComparison.Ordinal);
    }
}
