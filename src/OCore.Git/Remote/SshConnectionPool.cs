using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OCore.Api.Git;

namespace OCore.Git.Remote;

/// <summary>
/// Shares one authenticated ssh connection per server, user, deploy key and known_hosts between successive git
/// calls (the Prepare step makes several per push, and pushes come in bursts), so only the first pays for the TCP
/// handshake, key exchange and authentication. The key and known_hosts are part of the socket's name: a rotated key
/// or a changed known_hosts never reuses a master that was authenticated or verified under the old ones.
/// </summary>
internal sealed class SshConnectionPool : IDisposable
{
    /// <summary>How long an unused master stays up.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

    // ssh binds a temporary name 17 characters longer first, and a Unix socket path has at most 104-108 bytes.
    private const int MaxControlPathLength = 80;

    private readonly string? _directory;
    private readonly TimeSpan _idleTimeout;
    private readonly Dictionary<string, SshMaster> _masters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly Timer _sweeper;
    private bool _disposed;

    /// <param name="directory">A private (0700) directory for the control sockets, or null to share nothing.</param>
    /// <param name="idleTimeout">How long an unused master stays up.</param>
    public SshConnectionPool(string? directory, TimeSpan idleTimeout)
    {
        _directory = directory is not null && Path.Combine(directory, new string('0', 32)).Length <= MaxControlPathLength ? directory : null;
        _idleTimeout = idleTimeout;
        var period = idleTimeout / 4 < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : idleTimeout / 4;
        _sweeper = new Timer(_ => CloseIdle(), null, period, period);
    }

    /// <summary>The operator's pool: sockets in a fresh private temporary directory, removed when the process exits.</summary>
    public static SshConnectionPool Shared { get; } = CreateShared();

    /// <summary>Where the control sockets are; null when sharing is off.</summary>
    public string? SocketDirectory => _directory;

    /// <summary>The number of masters up now.</summary>
    public int Count
    {
        get
        {
            lock (_masters)
                return _masters.Values.Count(master => master.IsRunning);
        }
    }

    /// <summary>
    /// A running master for this server and these credentials, started (and authenticated) when there is none.
    /// Dispose the lease when the git call is done. Null when sharing is off.
    /// </summary>
    /// <exception cref="SshMasterFailedException">ssh could not connect or authenticate; carries its error output.</exception>
    public async Task<SshConnectionLease?> AcquireAsync(
        RepositoryUrl url, DeployKeyCredentials credentials, CredentialFiles files, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_directory is null)
            return null;
        var controlPath = Path.Combine(_directory, KeyOf(url, credentials));
        SemaphoreSlim gate;
        lock (_masters)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            gate = _gates.TryGetValue(controlPath, out var existing) ? existing : _gates[controlPath] = new SemaphoreSlim(1, 1);
        }

        // One master per key: concurrent first calls wait for it rather than each opening its own.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SshMaster? master;
            lock (_masters)
            {
                // Entered under the lock, so the idle sweep cannot close it between the check and the use.
                if (_masters.TryGetValue(controlPath, out master) && master.IsRunning)
                {
                    master.Enter();
                    return new SshConnectionLease(master);
                }

                _masters.Remove(controlPath);
            }

            master?.Dispose();
            // The temporary directory may have been cleaned away under a long-running process.
            if (!OperatingSystem.IsWindows())
                Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            master = await SshMaster.StartAsync(StartInfo(url, files, timeout, controlPath), controlPath, cancellationToken).ConfigureAwait(false);
            lock (_masters)
            {
                if (_disposed)
                {
                    master.Dispose();
                    throw new ObjectDisposedException(nameof(SshConnectionPool));
                }

                _masters[controlPath] = master;
                master.Enter();
            }

            return new SshConnectionLease(master);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends every master and removes the sockets' directory.</summary>
    public void Dispose()
    {
        List<SshMaster> all;
        lock (_masters)
        {
            if (_disposed)
                return;
            _disposed = true;
            all = [.. _masters.Values];
            _masters.Clear();
        }

        _sweeper.Dispose();
        foreach (var master in all)
            master.Dispose();
        if (_directory is not null && Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Names the socket after everything the master was authenticated and verified with.</summary>
    internal static string KeyOf(RepositoryUrl url, DeployKeyCredentials credentials)
    {
        var text = string.Join('\n', url.User ?? "git", url.Host, (url.Port ?? 22).ToString(CultureInfo.InvariantCulture),
            CredentialFiles.Normalize(credentials.PrivateKey), CredentialFiles.Normalize(credentials.KnownHosts));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    private static ProcessStartInfo StartInfo(RepositoryUrl url, CredentialFiles files, TimeSpan timeout, string controlPath)
    {
        var startInfo = new ProcessStartInfo("ssh");
        foreach (var option in SshCommand.Options(files, timeout))
            startInfo.ArgumentList.Add(option);
        string[] master =
        [
            "-M", "-N", // only hold the connection; the git calls open their sessions through it
            "-o", "ControlPath=" + controlPath,
            "-o", "ControlPersist=no", // stay in the foreground, a child of this process
            // A server that went away ends the master, so the next call connects afresh instead of hanging.
            "-o", "ServerAliveInterval=15",
            "-o", "ServerAliveCountMax=3",
            "-p", (url.Port ?? 22).ToString(CultureInfo.InvariantCulture),
            "-l", url.User ?? "git",
            "--", url.Host,
        ];
        foreach (var argument in master)
            startInfo.ArgumentList.Add(argument);

        // As for git: inherited SSH_* variables (SSH_AUTH_SOCK...) must not change what ssh does.
        foreach (var name in startInfo.Environment.Keys.Where(name => name.StartsWith("SSH_", StringComparison.Ordinal)).ToList())
            startInfo.Environment.Remove(name);
        startInfo.Environment["LC_ALL"] = "C";
        return startInfo;
    }

    private static SshConnectionPool CreateShared()
    {
        string? directory = null;
        if (!OperatingSystem.IsWindows())
        {
            // 0700: nobody else may reach the sockets.
            directory = ProcessTempDirectory.Create("ocore-ssh-");
        }

        var pool = new SshConnectionPool(directory, DefaultIdleTimeout);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => pool.Dispose();
        return pool;
    }

    private void CloseIdle()
    {
        var closing = new List<SshMaster>();
        lock (_masters)
        {
            foreach (var (path, master) in _masters.ToList())
            {
                if (!master.IsRunning || (!master.InUse && DateTime.UtcNow - master.LastUsedUtc > _idleTimeout))
                {
                    _masters.Remove(path);
                    closing.Add(master);
                }
            }
        }

        foreach (var master in closing)
            master.Dispose();
    }
}
