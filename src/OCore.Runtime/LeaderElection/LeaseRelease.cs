using k8s.LeaderElection;

namespace OCore.Runtime.LeaderElection;

/// <summary>
/// Gives the Lease up on a clean shutdown (holder cleared, one-second duration) so a standby takes over at once
/// instead of waiting out the lease; the C# client's elector has no release of its own.
/// </summary>
public static class LeaseRelease
{
    public static async Task<bool> ReleaseAsync(ILock leaseLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaseLock);
        var record = await leaseLock.GetAsync(cancellationToken);
        if (record?.HolderIdentity != leaseLock.Identity)
            return false;
        var now = DateTime.UtcNow;
        return await leaseLock.UpdateAsync(new LeaderElectionRecord
        {
            HolderIdentity = "",
            LeaseDurationSeconds = 1,
            AcquireTime = now,
            RenewTime = now,
            LeaderTransitions = record.LeaderTransitions,
        }, cancellationToken);
    }
}
