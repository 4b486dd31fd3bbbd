using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OCore.Api.Git;

namespace OCore.Git.Serving;

/// <summary>
/// A real OpenSSH server on 127.0.0.1, running as the current user, that serves bare git repositories read-only, as a
/// provider serves them to a deploy key: <c>ssh://user@127.0.0.1:port/owner/name.git</c> reads
/// <c>repos/owner/name.git</c> below <see cref="SshGitServerOptions.Directory"/>. Only keys added with
/// <see cref="AuthorizeKey"/> get in, and they can run git-upload-pack and nothing else. Used by the <c>ocore dev</c>
/// sandbox and by the tests.
/// </summary>
public sealed partial class SshGitServer : IAsyncDisposable
{
    public const string InstallHint =
        "install them with 'sudo apt-get install openssh-server openssh-client git' (or run 'bash scripts/install-test-deps.sh')";

    private const int LogLines = 200;
    private readonly Queue<string> _log = new();
    private readonly Lock _authorizedKeysLock = new();
    private Process? _sshd;

    private SshGitServer(string directory, string hostPublicKey)
    {
        Directory = directory;
        HostPublicKey = hostPublicKey;
    }

    public string Directory { get; }

    /// <summary>The folder the URLs' paths are resolved in.</summary>
    public string RepositoriesRoot => Path.Combine(Directory, "repos");

    public int Port { get; private set; }

    /// <summary>The account sshd runs as, the only one it can log in.</summary>
    public string User { get; } = Environment.UserName;

    /// <summary>The host's public key, <c>ssh-ed25519 AAAA…</c>.</summary>
    public string HostPublicKey { get; }

    /// <summary>The known_hosts line that pins this server's host key at its address (ends with a newline).</summary>
    public string KnownHosts => $"[127.0.0.1]:{Port} {HostPublicKey}\n";

    private string AuthorizedKeysPath => Path.Combine(Directory, "authorized_keys");

    /// <summary>The tools the server needs that this machine lacks (empty when all are there).</summary>
    public static IReadOnlyList<string> MissingTools(string? sshdPath = null)
    {
        var missing = new List<string>();
        if ((sshdPath ?? FindSshd()) is not { } sshd || !File.Exists(sshd))
            missing.Add("sshd (openssh-server)");
        if (Find("ssh-keygen") is null || Find("ssh") is null)
            missing.Add("ssh and ssh-keygen (openssh-client)");
        if (Find("git") is null)
            missing.Add("git");
        return missing;
    }

    /// <summary>The sshd executable on PATH or in the sbin folders a non-login PATH may lack, or null.</summary>
    public static string? FindSshd() => Find("sshd", "/usr/sbin", "/usr/local/sbin");

    /// <summary>Starts sshd; creates the host key on first use of the directory.</summary>
    /// <exception cref="GitServerUnavailableException">A tool is missing, or sshd did not start (the message says why).</exception>
    public static async Task<SshGitServer> StartAsync(SshGitServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        if (OperatingSystem.IsWindows())
            throw new GitServerUnavailableException("the local git server runs OpenSSH's sshd, which needs Linux or macOS");
        var missing = MissingTools(options.SshdPath);
        if (missing.Count > 0)
            throw new GitServerUnavailableException($"the local git server needs {string.Join(", ", missing)}: {InstallHint}");

        var directory = Path.GetFullPath(options.Directory);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "repos"));
        var hostKey = Path.Combine(directory, "host_key");
        if (!File.Exists(hostKey))
            await LocalTool.RunAsync("ssh-keygen", null, null, ["-q", "-t", "ed25519", "-N", "", "-C", "ocore-git-server", "-f", hostKey], cancellationToken).ConfigureAwait(false);
        var fields = (await File.ReadAllTextAsync(hostKey + ".pub", cancellationToken).ConfigureAwait(false)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var server = new SshGitServer(directory, $"{fields[0]} {fields[1]}");
        try
        {
            if (!File.Exists(server.AuthorizedKeysPath))
                await File.WriteAllTextAsync(server.AuthorizedKeysPath, "", cancellationToken).ConfigureAwait(false);
            var login = Path.Combine(directory, "git-login");
            await File.WriteAllTextAsync(login, GitLoginScript.For(server.RepositoriesRoot), cancellationToken).ConfigureAwait(false);
            File.SetUnixFileMode(login, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            EnsurePrivilegeSeparationDirectory();
            await server.RunSshdAsync(options.SshdPath ?? FindSshd()!, hostKey, login, options, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Trusts a public key (what a person does when adding a deploy key to the repository); a key already trusted is
    /// left as it is. Takes effect on the next connection.
    /// </summary>
    /// <returns>True when the key was added, false when it was trusted already.</returns>
    /// <exception cref="ArgumentException">The text is not one OpenSSH public key.</exception>
    public bool AuthorizeKey(string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var key = publicKey.Trim();
        // Options in front of the key (command=, from=...) would change what the key may do: only a bare key is accepted.
        var match = PublicKeyLine().Match(key);
        if (!match.Success)
            throw new ArgumentException("not an OpenSSH public key (expected one line such as 'ssh-ed25519 AAAA... comment')", nameof(publicKey));
        var keyPart = $"{match.Groups["type"].Value} {match.Groups["key"].Value}";
        lock (_authorizedKeysLock)
        {
            if (IsAuthorizedUnlocked(keyPart))
                return false;
            File.AppendAllText(AuthorizedKeysPath, key + "\n");
            return true;
        }
    }

    /// <summary>
    /// Stops trusting a public key (removing a deploy key at the provider): the next connection with it is refused.
    /// The comment does not count.
    /// </summary>
    /// <returns>True when the key was removed, false when it was not trusted.</returns>
    public bool RevokeKey(string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var match = PublicKeyLine().Match(publicKey.Trim());
        if (!match.Success)
            return false;
        var keyPart = $"{match.Groups["type"].Value} {match.Groups["key"].Value}";
        lock (_authorizedKeysLock)
        {
            var lines = File.ReadAllLines(AuthorizedKeysPath);
            var kept = lines.Where(line => !IsLineOf(line, keyPart)).ToArray();
            if (kept.Length == lines.Length)
                return false;
            // Replaced in one rename, so sshd never reads a half-written file.
            var next = AuthorizedKeysPath + ".next";
            File.WriteAllLines(next, kept);
            File.Move(next, AuthorizedKeysPath, overwrite: true);
            return true;
        }
    }

    /// <summary>Whether the key (type and base64 part; the comment does not count) is trusted.</summary>
    public bool IsAuthorized(string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var match = PublicKeyLine().Match(publicKey.Trim());
        if (!match.Success)
            return false;
        lock (_authorizedKeysLock)
            return IsAuthorizedUnlocked($"{match.Groups["type"].Value} {match.Groups["key"].Value}");
    }

    /// <summary>The folder of a repository, from its path below the root (<c>owner/name.git</c>).</summary>
    public string PathOf(string relativePath) => Path.Combine(RepositoriesRoot, CheckRelativePath(relativePath));

    /// <summary>Creates an empty bare repository (default branch main) unless it exists; returns its folder.</summary>
    public async Task<string> CreateBareRepositoryAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativePath);
        if (!System.IO.Directory.Exists(path) || !System.IO.Directory.EnumerateFileSystemEntries(path).Any())
            await LocalTool.RunAsync("git", null, null, ["init", "--quiet", "--bare", "--initial-branch=main", path], cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>The ssh:// URL of a repository below the root, e.g. <c>ssh://user@127.0.0.1:2222/acme/odoo.git</c>.</summary>
    public RepositoryUrl UrlFor(string relativePath) =>
        RepositoryUrl.Parse($"ssh://{User}@127.0.0.1:{Port}/{CheckRelativePath(relativePath).Replace('\\', '/')}");

    /// <summary>Whether a URL names this server (its address and port), whichever repository it names.</summary>
    public bool Serves(RepositoryUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsSsh && url.Host is "127.0.0.1" or "localhost" && url.Port == Port;
    }

    /// <summary>The end of sshd's own log (connections, refused keys), for error messages.</summary>
    public string RecentLog()
    {
        lock (_log)
            return string.Join('\n', _log);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sshd is null)
            return;
        if (!_sshd.HasExited)
        {
            // sshd forks a process per connection; take them all down.
            _sshd.Kill(entireProcessTree: true);
            await _sshd.WaitForExitAsync().ConfigureAwait(false);
        }

        _sshd.Dispose();
        _sshd = null;
    }

    private async Task RunSshdAsync(string sshdPath, string hostKey, string login, SshGitServerOptions options, CancellationToken cancellationToken)
    {
        // A port picked as free may be taken before sshd binds it; then pick another. A chosen port gets one try.
        var attempts = options.Port == 0 ? 3 : 1;
        for (var attempt = 1; ; attempt++)
        {
            Port = options.Port == 0 ? FreePort() : options.Port;
            var config = Path.Combine(Directory, "sshd_config");
            await File.WriteAllTextAsync(config, Config(hostKey, login), cancellationToken).ConfigureAwait(false);
            lock (_log)
                _log.Clear();
            _sshd = new Process
            {
                StartInfo = new ProcessStartInfo(sshdPath)
                {
                    ArgumentList = { "-D", "-e", "-f", config },
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                },
            };
            // sshd -e logs every connection to stderr: keep draining it so sshd never blocks on a full pipe.
            _sshd.ErrorDataReceived += (_, e) => Remember(e.Data);
            _sshd.OutputDataReceived += (_, e) => Remember(e.Data);
            _sshd.Start();
            _sshd.BeginErrorReadLine();
            _sshd.BeginOutputReadLine();
            if (await WaitUntilListeningAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false))
                return;
            if (!_sshd.HasExited)
                _sshd.Kill(entireProcessTree: true);
            await _sshd.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            _sshd.Dispose();
            _sshd = null;
            if (attempt == attempts)
                throw new GitServerUnavailableException($"sshd did not start on 127.0.0.1:{Port} (is the port in use?): {RecentLog()}");
        }
    }

    private async Task<bool> WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_sshd!.HasExited)
        {
            if (RecentLog().Contains("Server listening on 127.0.0.1", StringComparison.Ordinal))
                return true;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private string Config(string hostKey, string login) => $"""
        Port {Port}
        ListenAddress 127.0.0.1
        HostKey {hostKey}
        AuthorizedKeysFile {AuthorizedKeysPath}
        AllowUsers {User}
        StrictModes no
        AuthenticationMethods publickey
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        UsePAM no
        PermitUserRC no
        PermitUserEnvironment no
        PermitTTY no
        AllowTcpForwarding no
        AllowAgentForwarding no
        AllowStreamLocalForwarding no
        X11Forwarding no
        PermitTunnel no
        PrintMotd no
        PidFile none
        ForceCommand {ShellQuote.Quote(login)}

        """;

    private bool IsAuthorizedUnlocked(string keyPart) => File.ReadLines(AuthorizedKeysPath).Any(line => IsLineOf(line, keyPart));

    private static bool IsLineOf(string line, string keyPart) => line.StartsWith(keyPart + " ", StringComparison.Ordinal) || line == keyPart;

    private void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLines)
                _log.Dequeue();
        }
    }

    private static string CheckRelativePath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var segments = relativePath.Replace('\\', '/').Trim('/').Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || !PathSegment().IsMatch(s)))
            throw new ArgumentException($"'{relativePath}' is not a repository path such as owner/name.git", nameof(relativePath));
        return string.Join('/', segments);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find(string name, params string[] extraDirectories) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// sshd started as root needs its privilege separation directory, which the ssh service normally creates at
    /// boot; a machine that never ran the service lacks it.
    /// </summary>
    private static void EnsurePrivilegeSeparationDirectory()
    {
        const string directory = "/run/sshd";
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || System.IO.Directory.Exists(directory))
            return;
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    [GeneratedRegex(@"^(?<type>(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)) (?<key>[A-Za-z0-9+/]+={0,3})( [^\r\n]*)?$")]
    private static partial Regex PublicKeyLine();

    [GeneratedRegex(@"^[A-Za-z0-9._~-]+$")]
    private static partial Regex PathSegment();
}
