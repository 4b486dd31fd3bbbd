namespace OCore.Runtime.Tests.Support;

/// <summary>
/// Cuts a simulated process off the cluster, as a SIGKILL would: once killed, no request leaves it any more (no Lease
/// renewal, no Lease release, no write). Requests already on the wire complete, as they would on a real server.
/// </summary>
internal sealed class KillSwitch : DelegatingHandler
{
    private volatile bool _killed;

    public void Kill() => _killed = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _killed ? throw new ProcessKilledException() : base.SendAsync(request, cancellationToken);
}
