using System.Net;
using System.Net.Sockets;
using OCore.Api.Git;
using OCore.Git.Remote;
using OCore.Git.Serving;
using Xunit;

namespace OCore.Testing;

/// <summary>
/// The product's <see cref="SshGitServer"/> (a real OpenSSH server on a free 127.0.0.1 port, running as the current
/// user) with what the tests need around it: one trusted client key, a second key it does not trust and a second host
/// key, for the failure tests. Fails (never skips) when sshd or git is missing.
/// </summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private SshGitServer? server;

    public string Root { get; private set; } = "";

    public int Port => Server.Port;

    public string User => Server.User;

    public SshGitServer Server => server ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>The private key in authorized_keys, as text (for asserting it never leaks).</summary>
    public string AcceptedPrivateKey { get; private set; } = "";

    /// <summary>known_hosts naming this server's real host key.</summary>
    public string KnownHosts => Server.KnownHosts;

    /// <summary>known_hosts naming this server's address with a different host key.</summary>
    public string WrongKnownHosts { get; private set; } = "";

    public DeployKeyCredentials AcceptedKey => new(AcceptedPrivateKey, KnownHosts);

    /// <summary>A valid key that is not in authorized_keys.</summary>
    public DeployKeyCredentials RejectedKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SshGitServer.MissingTools() is { Count: > 0 } missing)
            throw new InvalidOperationException($"The OCore.Git tests need {string.Join(", ", missing)} on this machine: {SshGitServer.InstallHint}.");

        Root = Directory.CreateTempSubdirectory("ocore-git-sshd-").FullName;
        try
        {
            var keys = Directory.CreateDirectory(Path.Combine(Root, "keys")).FullName;
            var otherHostKey = NewKey(keys, "other_host_key");
            var clientKey = NewKey(keys, "client_key");
            var strangerKey = NewKey(keys, "stranger_key");
            AcceptedPrivateKey = File.ReadAllText(clientKey);

            server = await SshGitServer.StartAsync(new SshGitServerOptions { Directory = Root });
            server.AuthorizeKey(File.ReadAllText(clientKey + ".pub"));
            var otherFields = File.ReadAllText(otherHostKey + ".pub").Split(' ');
            WrongKnownHosts = $"[127.0.0.1]:{Port} {otherFields[0]} {otherFields[1]}\n";
            RejectedKey = new DeployKeyCredentials(File.ReadAllText(strangerKey), KnownHosts);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Trusts another public key (what a person does when adding a deploy key to the repository).</summary>
    public void AuthorizeKey(string publicKey) => Server.AuthorizeKey(publicKey);

    /// <summary>A new, empty bare repository served by this server; returns its path.</summary>
    public string CreateBareRepository() =>
        Server.CreateBareRepositoryAsync($"{Guid.NewGuid():N}/odoo.git").GetAwaiter().GetResult();

    /// <summary>
    /// The ssh:// URL of a repository path on this server (or on another port of 127.0.0.1). A path below the
    /// server's repository root becomes the short path the server serves it under; any other path is sent as it is.
    /// </summary>
    public RepositoryUrl UrlFor(string repositoryPath, int? port = null)
    {
        var root = Server.RepositoriesRoot + "/";
        var path = repositoryPath.StartsWith(root, StringComparison.Ordinal) ? repositoryPath[root.Length..] : repositoryPath.TrimStart('/');
        return RepositoryUrl.Parse($"ssh://{User}@127.0.0.1:{port ?? Port}/{path}");
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        if (Root.Length > 0 && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string NewKey(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        Cli.Run("ssh-keygen", null, "-q", "-t", "ed25519", "-N", "", "-C", $"ocore-tests-{name}", "-f", path);
        return path;
    }
}
