using System.Diagnostics;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Serving;

/// <summary>What a trusted key may do on the git server: read repositories below its root, and nothing else.</summary>
[Collection(SshServerCollection.Name)]
public sealed class SshGitServerTests(SshServerFixture server) : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("ocore-git-server-test-").FullName;

    [Fact]
    public async Task A_trusted_key_gets_no_shell()
    {
        var marker = Path.Combine(_keys, "pwned");

        var (exitCode, error) = await SshAsync($"touch {marker}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("only serves clone, fetch and ls-remote", error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_trusted_key_cannot_push()
    {
        var (exitCode, error) = await SshAsync("git-receive-pack '/anything/odoo.git'");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("only serves clone, fetch and ls-remote", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("git-upload-pack '/../../../etc'")]
    [InlineData("git-upload-pack '/repos/../../host_key'")]
    public async Task A_path_out_of_the_root_is_not_a_repository(string command)
    {
        var (exitCode, error) = await SshAsync(command);

        Assert.Equal(128, exitCode);
        Assert.Contains("does not appear to be a git repository", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorizing_accepts_a_bare_key_once_and_refuses_options_or_several_lines()
    {
        var publicKey = File.ReadAllText(NewKey("again") + ".pub");

        Assert.True(server.Server.AuthorizeKey(publicKey));
        Assert.False(server.Server.AuthorizeKey(publicKey.Trim() + "  "));
        Assert.True(server.Server.IsAuthorized(publicKey));
        Assert.Throws<ArgumentException>(() => server.Server.AuthorizeKey("command=\"/bin/sh\" " + publicKey));
        Assert.Throws<ArgumentException>(() => server.Server.AuthorizeKey(publicKey.Trim() + "\n" + publicKey));
        Assert.Throws<ArgumentException>(() => server.Server.AuthorizeKey("not a key"));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_other_keys_stay_trusted()
    {
        var revoked = NewKey("revoked");
        var kept = File.ReadAllText(NewKey("kept") + ".pub");
        server.Server.AuthorizeKey(File.ReadAllText(revoked + ".pub"));
        server.Server.AuthorizeKey(kept);

        Assert.True(server.Server.RevokeKey(File.ReadAllText(revoked + ".pub").Trim() + " another comment"));
        Assert.False(server.Server.RevokeKey(File.ReadAllText(revoked + ".pub")));

        Assert.False(server.Server.IsAuthorized(File.ReadAllText(revoked + ".pub")));
        Assert.True(server.Server.IsAuthorized(kept));
        var (exitCode, error) = await SshAsync("git-upload-pack '/acme/odoo.git'", revoked);
        Assert.Equal(255, exitCode);
        Assert.Contains("Permission denied", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_paths_stay_below_the_root()
    {
        Assert.Equal(Path.Combine(server.Server.RepositoriesRoot, "acme", "odoo.git"), server.Server.PathOf("acme/odoo.git"));
        Assert.Equal($"ssh://{server.User}@127.0.0.1:{server.Port}/acme/odoo.git", server.Server.UrlFor("acme/odoo.git").ToString());
        Assert.Throws<ArgumentException>(() => server.Server.PathOf("../outside.git"));
        Assert.Throws<ArgumentException>(() => server.Server.PathOf("acme//odoo.git"));
        Assert.True(server.Server.Serves(server.UrlFor("/acme/odoo.git")));
        Assert.False(server.Server.Serves(server.UrlFor("/acme/odoo.git", port: SshServerFixture.FreePort())));
    }

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    /// <summary>Runs ssh with the trusted key, the way git would, and a command of the test's choosing.</summary>
    private async Task<(int ExitCode, string Error)> SshAsync(string command, string? identity = null)
    {
        var key = identity ?? Path.Combine(_keys, "identity");
        if (!File.Exists(key))
            File.WriteAllText(key, server.AcceptedPrivateKey);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite); // ssh refuses a key others can read
        var knownHosts = Path.Combine(_keys, "known_hosts");
        File.WriteAllText(knownHosts, server.KnownHosts);
        var startInfo = new ProcessStartInfo("ssh")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[]
                 {
                     "-F", "/dev/null", "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                     "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     $"{server.User}@127.0.0.1", command,
                 })
            startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }

    private string NewKey(string name)
    {
        var path = Path.Combine(_keys, name);
        Cli.Run("ssh-keygen", null, "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path);
        return path;
    }
}
