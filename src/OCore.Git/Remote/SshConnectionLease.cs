namespace OCore.Git.Remote;

/// <summary>The use of a shared master by one git call; while any is held, the master is not closed as idle.</summary>
internal sealed class SshConnectionLease(SshMaster master) : IDisposable
{
    private int _disposed;

    public string ControlPath => master.ControlPath;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            master.Leave();
    }
}
