using System.Net;
using k8s;
using OCore.Api.GitHubApp;
using OCore.Api.V1Alpha1;
using OCore.GitProviders;
using OCore.GitProviders.GitHubApp;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;

namespace OCore.Operator.GitHubApp;

/// <summary>
/// Verifies each GitHubInstallation with GitHub (<c>GET /app/installations/{id}</c> with the App JWT) and records
/// its account, type, suspension and install time. Sets Verified and Ready; checks again every
/// <see cref="GitHubAppSettings.VerifyInterval"/>, at once on a new <c>ocore.io/refresh</c> value, and at GitHub's
/// retry time after a rate limit. An unlinked installation is kept as it is and not asked about.
/// </summary>
public sealed class GitHubInstallationReconciler(
    ResourceCache<GitHubInstallation> installations,
    GitHubAppConnection app,
    CustomResourceWriter<GitHubInstallation> writer,
    EventRecorder events,
    GitHubAppSettings settings,
    TimeProvider time) : IReconciler
{
    /// <summary>How soon a missing or broken App Secret is read again.</summary>
    private static readonly TimeSpan AppSecretRetry = TimeSpan.FromMinutes(1);

    private readonly VerificationSchedule _schedule = new();

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var installation = installations.Get(key);
        if (installation is null || installation.Metadata.DeletionTimestamp is not null)
        {
            _schedule.Forget(key);
            return ReconcileResult.Done;
        }

        var status = Copy(installation.Status) ?? new GitHubInstallationStatus();
        var result = installation.Spec.Unlinked == true
            ? Unlinked(installation, status)
            : await VerifyAsync(installation, status, cancellationToken);

        status.ObservedGeneration = installation.Metadata.Generation;
        await writer.UpdateStatusAsync(installation, status, cancellationToken);
        var before = Conditions.Find(installation.Status?.Conditions, ConditionTypes.Ready);
        var after = Conditions.Find(status.Conditions, ConditionTypes.Ready)!;
        if (before?.Reason != after.Reason)
            await events.RecordAsync(installation, after.Status == ConditionStatus.True ? "Normal" : "Warning", after.Reason, after.Message, cancellationToken);
        return result;
    }

    /// <summary>Soft-deleted: the record stays as it was last verified, routing skips it (Ready=True, reason Unlinked).</summary>
    private ReconcileResult Unlinked(GitHubInstallation installation, GitHubInstallationStatus status)
    {
        var id = installation.Spec.InstallationId;
        if (status.Verified != true)
            SetCondition(installation, status, ConditionTypes.Verified, ConditionStatus.False, "NotVerified",
                $"GitHub does not confirm installation {id} (it was uninstalled on GitHub, or never verified)");
        SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.True, "Unlinked",
            $"installation {id} is unlinked: kept for the record; routing skips it");
        return ReconcileResult.Done;
    }

    /// <summary>Asks GitHub about the installation when a check is due; sets Verified and Ready from the answer.</summary>
    private async Task<ReconcileResult> VerifyAsync(GitHubInstallation installation, GitHubInstallationStatus status, CancellationToken cancellationToken)
    {
        var id = installation.Spec.InstallationId;
        var lookup = await app.GetAsync(cancellationToken);
        if (lookup.Client is not { } client)
        {
            SetCondition(installation, status, ConditionTypes.Verified, ConditionStatus.Unknown, "AppNotConfigured", lookup.Problem);
            SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.False, "AppNotConfigured",
                $"installation {id} cannot be verified: {lookup.Problem}");
            return settings.Enabled ? ReconcileResult.After(AppSecretRetry) : ReconcileResult.Done;
        }

        if (settings.RequireLinkProof && !InstallState.IsLinkProof(lookup.StateKey!, installation.Metadata.NamespaceProperty, id,
                installation.Metadata.Annotations?.TryGetValue(InstallationAnnotations.LinkProof, out var proof) == true ? proof : null))
        {
            status.Verified = false;
            SetCondition(installation, status, ConditionTypes.Verified, ConditionStatus.False, "NotLinked",
                $"installation {id} was not linked to this organization through the install flow; oCore does not use it");
            SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.False, "NotLinked",
                "link it with Organization Settings > GitHub App > Install (or Install on Another Account): only installations linked that way are used");
            return ReconcileResult.Done;
        }

        var now = time.GetUtcNow();
        if (!_schedule.IsDue(installation, now, out var wait))
            return ReconcileResult.After(wait);

        try
        {
            var info = await client.GetInstallationAsync(id, cancellationToken);
            Record(installation, status, info);
            _schedule.Next(installation, now + settings.VerifyInterval);
            return ReconcileResult.After(settings.VerifyInterval);
        }
        catch (RateLimitedException limited)
        {
            _schedule.Next(installation, limited.RetryAt);
            if (Conditions.Find(status.Conditions, ConditionTypes.Verified) is null)
                SetCondition(installation, status, ConditionTypes.Verified, ConditionStatus.Unknown, "RateLimited",
                    $"GitHub's rate limit was reached; verifying again at {limited.RetryAt:yyyy-MM-dd HH:mm:ss} UTC");
            if (Conditions.Find(status.Conditions, ConditionTypes.Ready) is null)
                SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.Unknown, "RateLimited",
                    $"waiting for GitHub's rate limit to verify installation {id}");
            return ReconcileResult.After(Max(limited.RetryAt - now, TimeSpan.FromSeconds(1)));
        }
        catch (GitProviderException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            status.Verified = false;
            SetCondition(installation, status, ConditionTypes.Verified, ConditionStatus.False, "InstallationNotFound",
                $"GitHub does not know installation {id}");
            SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.False, "InstallationNotFound",
                $"GitHub does not know installation {id}; install the App again");
            _schedule.Next(installation, now + settings.VerifyInterval);
            return ReconcileResult.After(settings.VerifyInterval);
        }
        catch (Exception error) when (error is GitProviderException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A refused JWT (wrong App id or key), an outage: say so, keep what was verified before, try again later.
            SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.False, "VerificationFailed",
                $"could not verify installation {id} with GitHub: {error.Message}");
            _schedule.Next(installation, now + settings.RetryInterval);
            return ReconcileResult.After(settings.RetryInterval);
        }
    }

    private void Record(GitHubInstallation installation, GitHubInstallationStatus status, InstallationInfo info)
    {
        var id = installation.Spec.InstallationId;
        status.AccountLogin = info.AccountLogin;
        status.AccountType = info.AccountType;
        status.InstalledAt = info.CreatedAt.UtcDateTime;
        status.Suspended = info.IsSuspended;
        status.Verified = true;
        SetCondition(installation, status, ConditionTypes.Verified, ConditionStatus.True, "Verified",
            $"GitHub confirmed installation {id} on {info.AccountType} {info.AccountLogin}");
        if (info.IsSuspended)
            SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.False, "Suspended",
                $"installation {id} on {info.AccountLogin} is suspended on GitHub; routing skips it until the account's owner unsuspends the App in its GitHub App settings");
        else
            SetCondition(installation, status, ConditionTypes.Ready, ConditionStatus.True, "Active",
                $"installation {id} on {info.AccountLogin} is active; routing uses it for repositories of {info.AccountLogin}");
    }

    private void SetCondition(GitHubInstallation installation, GitHubInstallationStatus status, string type, string value, string reason, string message) =>
        Conditions.Set(status.Conditions, type, value, reason, message, installation.Metadata.Generation, time.GetUtcNow().UtcDateTime);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static GitHubInstallationStatus? Copy(GitHubInstallationStatus? status) =>
        status is null ? null : KubernetesJson.Deserialize<GitHubInstallationStatus>(KubernetesJson.Serialize(status));
}
