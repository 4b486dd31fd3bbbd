using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OCore.Api.Git;
using OCore.Git.Remote;
using Xunit;

namespace OCore.Testing;

/// <summary>
/// A real OpenSSH server on a free 127.0.0.1 port, running as the current user, that serves bare git repositories
/// through git-upload-pack. It trusts one client key; the fixture also holds a second key it does not trust and a
/// second host key, for the failure tests. Fails (never skips) when sshd or git is missing.
/// </summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private const string InstallHint =
        "install them with 'apt-get install openssh-server git openssh-client' (scripts/install-test-deps.sh does it)";

    private readonly StringBuilder log = new();
    private Process? sshd;

    public string Root { get; private set; } = "";

    public int Port { get; private set; }

    public string User { get; } = Environment.UserName;

    /// <summary>The private key in authorized_keys, as text (for asserting it never leaks).</summary>
    public string AcceptedPrivateKey { get; private set; } = "";

    /// <summary>known_hosts naming this server's real host key.</summary>
    public string KnownHosts { get; private set; } = "";

    /// <summary>known_hosts naming this server's address with a different host key.</summary>
    public string WrongKnownHosts { get; private set; } = "";

    public DeployKeyCredentials AcceptedKey => new(AcceptedPrivateKey, KnownHosts);

    /// <summary>A valid key that is not in authorized_keys.</summary>
    public DeployKeyCredentials RejectedKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sshdPath = Cli.Find("sshd", "/usr/sbin", "/usr/local/sbin");
        string?[] tools = [sshdPath, Cli.Find("ssh"), Cli.Find("ssh-keygen"), Cli.Find("git")];
        if (tools.Any(tool => tool is null))
            throw new InvalidOperationException($"The OCore.Git tests need sshd, ssh, ssh-keygen and git on this machine: {InstallHint}.");

        Root = Directory.CreateTempSubdirectory("ocore-git-sshd-").FullName;
        try
        {
            var hostKey = NewKey("host_key");
            var otherHostKey = NewKey("other_host_key");
            var clientKey = NewKey("client_key");
            var strangerKey = NewKey("stranger_key");
            File.Copy(clientKey + ".pub", Path.Combine(Root, "authorized_keys"));
            AcceptedPrivateKey = File.ReadAllText(clientKey);

            EnsurePrivilegeSeparationDirectory();
            await StartAsync(sshdPath!, hostKey);
            KnownHosts = KnownHostsLine(hostKey);
            WrongKnownHosts = KnownHostsLine(otherHostKey);
            RejectedKey = new DeployKeyCredentials(File.ReadAllText(strangerKey), KnownHosts);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Trusts another public key (what a person does when adding a deploy key to the repository).</summary>
    public void AuthorizeKey(string publicKey) =>
        File.AppendAllText(Path.Combine(Root, "authorized_keys"), publicKey.Trim() + "\n");

    /// <summary>A new, empty bare repository served by this server; returns its path.</summary>
    public string CreateBareRepository()
    {
        var path = Path.Combine(Root, "repos", Guid.NewGuid().ToString("N"), "odoo.git");
        Cli.Run("git", null, "init", "--quiet", "--bare", path);
        return path;
    }

    /// <summary>The ssh:// URL of a repository path on this server (or on another port of 127.0.0.1).</summary>
    public RepositoryUrl UrlFor(string repositoryPath, int? port = null) =>
        RepositoryUrl.Parse($"ssh://{User}@127.0.0.1:{port ?? Port}{repositoryPath}");

    public Task DisposeAsync()
    {
        if (sshd is not null)
        {
            if (!sshd.HasExited)
            {
                // sshd forks a process per connection; take them all down.
                sshd.Kill(entireProcessTree: true);
                sshd.WaitForExit();
            }

            sshd.Dispose();
        }

        if (Root.Length > 0 && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartAsync(string sshdPath, string hostKey)
    {
        // Another process may take the free port before sshd binds it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var config = WriteConfig(hostKey);
            log.Clear();
            sshd = new Process
            {
                StartInfo = new ProcessStartInfo(sshdPath)
                {
                    ArgumentList = { "-D", "-e", "-f", config },
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                },
            };
            // sshd -e logs every connection to stderr: keep draining it so sshd never blocks on a full pipe.
            sshd.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            sshd.Start();
            sshd.BeginErrorReadLine();
            sshd.BeginOutputReadLine();
            if (await WaitUntilListeningAsync())
                return;
            if (!sshd.HasExited)
                sshd.Kill(entireProcessTree: true);
            sshd.WaitForExit();
            if (attempt == 3)
                throw new InvalidOperationException($"sshd did not start on 127.0.0.1:{Port}: {Log()}");
        }
    }

    private async Task<bool> WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && !sshd!.HasExited)
        {
            if (Log().Contains("Server listening on 127.0.0.1", StringComparison.Ordinal))
                return true;
            await Task.Delay(50);
        }

        return false;
    }

    private string WriteConfig(string hostKey)
    {
        var path = Path.Combine(Root, "sshd_config");
        File.WriteAllText(path, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            AuthorizedKeysFile {Path.Combine(Root, "authorized_keys")}
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            PermitUserRC no
            PidFile none

            """);
        return path;
    }

    private string NewKey(string name)
    {
        var path = Path.Combine(Root, name);
        Cli.Run("ssh-keygen", null, "-q", "-t", "ed25519", "-N", "", "-C", $"ocore-tests-{name}", "-f", path);
        return path;
    }

    private string KnownHostsLine(string hostKey)
    {
        var fields = File.ReadAllText(hostKey + ".pub").Split(' ');
        return $"[127.0.0.1]:{Port} {fields[0]} {fields[1]}\n";
    }

    private string Log()
    {
        lock (log)
            return log.ToString();
    }

    /// <summary>
    /// sshd started as root needs its privilege separation directory, which the ssh service normally creates at
    /// boot; a machine that never ran the service lacks it.
    /// </summary>
    private static void EnsurePrivilegeSeparationDirectory()
    {
        const string directory = "/run/sshd";
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || Directory.Exists(directory))
            return;
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
