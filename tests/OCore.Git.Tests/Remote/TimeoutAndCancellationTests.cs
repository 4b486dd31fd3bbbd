using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OCore.Git.Remote;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Remote;

/// <summary>Against a port that accepts connections but never answers, like a stuck server or a black-holing proxy.</summary>
[Collection(SshServerCollection.Name)]
public sealed class TimeoutAndCancellationTests(SshServerFixture server) : IDisposable
{
    private readonly TcpListener silent = StartSilentListener();

    [Fact]
    public async Task A_server_that_never_answers_is_unreachable_within_the_timeout()
    {
        var url = server.UrlFor(server.Root + "/silent/odoo.git", port: ((IPEndPoint)silent.LocalEndpoint).Port);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            new RemoteRepository(TimeSpan.FromSeconds(2)).ListHeadsAsync(url, server.AcceptedKey));

        Assert.Equal(GitAccessErrorKind.Unreachable, error.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_server_that_stalls_after_its_banner_hits_the_timeout_and_leaves_no_process()
    {
        // ssh's connect timeout ends with the banner exchange; after it only the operation's own timeout helps.
        var marker = Guid.NewGuid().ToString("N");
        var url = server.UrlFor($"{server.Root}/{marker}/odoo.git", port: ((IPEndPoint)silent.LocalEndpoint).Port);
        var banner = SendBannerThenStall();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            new RemoteRepository(TimeSpan.FromSeconds(2)).ListHeadsAsync(url, server.AcceptedKey));

        Assert.Equal(GitAccessErrorKind.Unreachable, error.Kind);
        Assert.Contains("did not finish within 2 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Empty(RunningProcesses.Mentioning(marker));
        await banner;
    }

    [Fact]
    public async Task Cancelling_kills_git_and_ssh()
    {
        // A path no other test uses, to find this call's processes by their command line.
        var marker = Guid.NewGuid().ToString("N");
        var url = server.UrlFor($"{server.Root}/{marker}/odoo.git", port: ((IPEndPoint)silent.LocalEndpoint).Port);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RemoteRepository(TimeSpan.FromSeconds(60)).ListHeadsAsync(url, server.AcceptedKey, cancellation.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Empty(RunningProcesses.Mentioning(marker));
    }

    public void Dispose() => silent.Dispose();

    private static TcpListener StartSilentListener()
    {
        // The kernel completes connections into the backlog; nothing ever reads or writes on them.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>Accepts one connection, sends an SSH version line, then never says anything else.</summary>
    private async Task SendBannerThenStall()
    {
        using var client = await silent.AcceptTcpClientAsync();
        var stream = client.GetStream();
        await stream.WriteAsync("SSH-2.0-OpenSSH_9.2 stalled\r\n"u8.ToArray());
        // Hold the connection until ssh is killed and closes it.
        var buffer = new byte[4096];
        int read;
        do
        {
            read = await stream.ReadAsync(buffer);
        }
        while (read > 0);
    }
}
