using System.Collections.Concurrent;
using OCore.Api.GitHubApp;
using OCore.Api.V1Alpha1;
using OCore.Runtime.Informers;

namespace OCore.Operator.GitHubApp;

/// <summary>
/// When each installation is next due for a check with GitHub. Kept in memory: reconciles come often (status
/// writes, resyncs), GitHub calls should not. A new generation or a new <c>ocore.io/refresh</c> value makes a check
/// due at once; a restart checks everything once.
/// </summary>
public sealed class VerificationSchedule
{
    private readonly ConcurrentDictionary<ObjectKey, Entry> _entries = new();

    /// <summary>Whether a check is due now; otherwise how long until it is.</summary>
    public bool IsDue(GitHubInstallation installation, DateTimeOffset now, out TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(installation);
        wait = TimeSpan.Zero;
        if (!_entries.TryGetValue(ObjectKey.Of(installation), out var entry)
            || entry.Generation != installation.Metadata.Generation
            || entry.Refresh != RefreshOf(installation)
            || entry.DueAt <= now)
            return true;
        wait = entry.DueAt - now;
        return false;
    }

    public void Next(GitHubInstallation installation, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(installation);
        _entries[ObjectKey.Of(installation)] = new Entry(installation.Metadata.Generation, RefreshOf(installation), dueAt);
    }

    public void Forget(ObjectKey key) => _entries.TryRemove(key, out _);

    private static string? RefreshOf(GitHubInstallation installation) =>
        installation.Metadata.Annotations?.TryGetValue(InstallationAnnotations.Refresh, out var value) == true ? value : null;

    private sealed record Entry(long? Generation, string? Refresh, DateTimeOffset DueAt);
}
