using System.Collections.Concurrent;
using System.Text;
using k8s;
using k8s.Models;
using OCore.Api.Git;
using OCore.Api.GitHubApp;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.GitProviders;
using OCore.GitProviders.GitHubApp;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;

namespace OCore.Operator.GitHubApp;

/// <summary>
/// The Project controller's GitHub App step. Routes a GitHub repository to an installation of its namespace
/// (sets <c>status.githubApp</c> and GitHubAppRouted), then installs the read-only deploy key and the push webhook
/// through that installation, once per change of key, secret or installation (see <see cref="ConfiguredRecords"/>),
/// and says so in DeployKeyReady and WebhookReady. On deletion it removes what it installed (finalizer
/// <see cref="Finalizer"/>, added just before the first installation on GitHub).
/// </summary>
public sealed class GitHubAppProjectStep(
    ResourceCache<GitHubInstallation> installations,
    GitHubAppConnection app,
    CustomResourceWriter<Project> projectWriter,
    IKubernetes kubernetes,
    EventRecorder events,
    GitHubAppSettings settings,
    TimeProvider time)
{
    public const string Finalizer = "ocore.io/github-app-cleanup";
    public const string InstalledReason = "InstalledByGitHubApp";

    /// <summary>Configurations GitHub refused lately, so a reconcile storm does not repeat the refused calls.</summary>
    private readonly ConcurrentDictionary<ObjectKey, Failure> _failures = new();

    /// <summary>Routing and automatic configuration; the caller has set the manual DeployKeyReady and WebhookReady conditions.</summary>
    public async Task<GitHubAppStepResult> ApplyAsync(Project project, ProjectStatus status, RepositoryUrl repository, GitProvider provider,
        V1Secret webhookSecret, V1Secret keySecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(repository);
        if (provider != GitProvider.GitHub)
        {
            status.GithubApp = null;
            status.Conditions.RemoveAll(c => c.Type == ConditionTypes.GitHubAppRouted);
            return new GitHubAppStepResult(project, null);
        }

        var lookup = await app.GetAsync(cancellationToken);
        var route = lookup.Client is null ? null : InstallationRouter.Route(repository.Owner, installations.List(project.Metadata.NamespaceProperty));
        SetRouting(project, status, lookup, route);
        if (lookup.Client is not { } client || route is null)
            return new GitHubAppStepResult(project, null);
        return await ConfigureAsync(client, route.Installation, project, status, repository, webhookSecret, keySecret, cancellationToken);
    }

    /// <summary>On deletion: removes the deploy key and webhook the App installed, then the finalizer.</summary>
    public async Task<ReconcileResult> CleanUpAsync(Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Metadata.Finalizers?.Contains(Finalizer) != true)
            return ReconcileResult.Done;

        var lookup = await app.GetAsync(cancellationToken);
        var route = RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out _) && lookup.Client is not null
            ? InstallationRouter.Route(repository.Owner, installations.List(project.Metadata.NamespaceProperty))
            : null;
        if (lookup.Client is not { } client || route is null || repository is null)
        {
            await events.WarningAsync(project, "GitHubAppCleanupSkipped",
                "No active GitHub App installation can reach the repository any more; remove oCore's deploy key and webhook from it by hand.", cancellationToken);
        }
        else
        {
            var id = route.Installation.Spec.InstallationId;
            try
            {
                await client.RemoveDeployKeysAsync(id, repository.Owner, repository.Name, Title(project), cancellationToken);
                if (Uri.TryCreate(project.Status?.Webhook?.Url, UriKind.Absolute, out var url))
                    await client.RemoveWebhooksAsync(id, repository.Owner, repository.Name, url, cancellationToken);
                await events.NormalAsync(project, "GitHubAppCleanedUp", $"Removed the deploy key and webhook from {repository.FullName} through the GitHub App.", cancellationToken);
            }
            catch (RateLimitedException limited)
            {
                return ReconcileResult.After(Until(limited.RetryAt));
            }
            catch (GitProviderException error) when (error.StatusCode is { } code && (int)code is >= 400 and < 500)
            {
                // The repository is gone or the App lost access: nothing this finalizer can still do.
                await events.WarningAsync(project, "GitHubAppCleanupSkipped",
                    $"GitHub refused to remove the deploy key and webhook ({error.Message}); remove them from {repository.FullName} by hand if they remain.", cancellationToken);
            }
        }

        await projectWriter.PatchMetadataAsync(project, metadata => metadata.Finalizers?.Remove(Finalizer), cancellationToken);
        return ReconcileResult.Done;
    }

    private void SetRouting(Project project, ProjectStatus status, GitHubAppLookup lookup, InstallationRoute? route)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var generation = project.Metadata.Generation;
        if (lookup.Client is null)
        {
            status.GithubApp = null;
            Conditions.Set(status.Conditions, ConditionTypes.GitHubAppRouted, false, "AppNotConfigured",
                $"{lookup.Problem}; deploy key and webhook must be added by hand", generation, now);
            return;
        }

        if (route is null)
        {
            status.GithubApp = null;
            Conditions.Set(status.Conditions, ConditionTypes.GitHubAppRouted, false, "NoInstallation",
                "no active GitHub App installation in this organization; deploy key and webhook must be added by hand", generation, now);
            return;
        }

        var installation = route.Installation;
        status.GithubApp = new GitHubAppStatus
        {
            InstallationRef = new LocalObjectReference { Name = installation.Metadata.Name },
            MatchedBy = route.MatchedBy,
        };
        var how = route.MatchedBy == InstallationMatch.Owner ? "owner match" : "fallback";
        Conditions.Set(status.Conditions, ConditionTypes.GitHubAppRouted, true, route.MatchedBy == InstallationMatch.Owner ? "OwnerMatch" : "Fallback",
            $"Installation {installation.Spec.InstallationId} ({installation.Metadata.Name}) on account {installation.Status?.AccountLogin} ({how})", generation, now);
    }

    private async Task<GitHubAppStepResult> ConfigureAsync(GitHubAppClient client, GitHubInstallation installation, Project project, ProjectStatus status,
        RepositoryUrl repository, V1Secret webhookSecret, V1Secret keySecret, CancellationToken cancellationToken)
    {
        var id = installation.Spec.InstallationId;
        var secret = Text(webhookSecret, WebhookSecretFormat.SecretKey);
        if (status.DeployKey is not { PublicKey: { } publicKey, Fingerprint: { } fingerprint } || string.IsNullOrEmpty(secret)
            || !Uri.TryCreate(status.Webhook?.Url, UriKind.Absolute, out var url))
            return new GitHubAppStepResult(project, null);

        var wantedKey = ConfiguredRecords.DeployKey(id, repository, fingerprint);
        var wantedHook = ConfiguredRecords.Webhook(id, repository, url.AbsoluteUri, secret);
        var recordedKey = ConfiguredRecords.Read(keySecret, ConfiguredRecords.DeployKeyAnnotation);
        var recordedHook = ConfiguredRecords.Read(webhookSecret, ConfiguredRecords.WebhookAnnotation);
        var key = ObjectKey.Of(project);
        var wanted = $"{wantedKey}\n{wantedHook}";
        if (recordedKey == wantedKey && recordedHook == wantedHook)
        {
            _failures.TryRemove(key, out _);
            SetInstalled(project, status, id, fingerprint, url);
            return new GitHubAppStepResult(project, null);
        }

        if (_failures.TryGetValue(key, out var failure) && failure.Wanted == wanted && failure.RetryAt > time.GetUtcNow())
        {
            SetFailed(project, status, failure.Message, failure.Reason);
            return new GitHubAppStepResult(project, Until(failure.RetryAt));
        }

        if (project.Metadata.Finalizers?.Contains(Finalizer) != true)
            project = await projectWriter.PatchMetadataAsync(project, metadata => (metadata.Finalizers ??= []).Add(Finalizer), cancellationToken);

        try
        {
            if (recordedKey != wantedKey)
            {
                var result = await client.EnsureDeployKeyAsync(id, repository.Owner, repository.Name, Title(project), publicKey, cancellationToken);
                await AnnotateAsync(keySecret, ConfiguredRecords.DeployKeyAnnotation, wantedKey, cancellationToken);
                if (result.Outcome != EnsureOutcome.Unchanged)
                    await events.NormalAsync(project, InstalledReason, $"Deploy key {fingerprint} installed on {repository.FullName} through the GitHub App (installation {id}).", cancellationToken);
            }

            if (recordedHook != wantedHook)
            {
                // A hook recorded for the same repository with another digest means the secret rotated: GitHub must get the new one.
                var secretChanged = recordedHook is not null;
                var result = await client.EnsureWebhookAsync(id, repository.Owner, repository.Name, url, secret, secretChanged, cancellationToken);
                await AnnotateAsync(webhookSecret, ConfiguredRecords.WebhookAnnotation, wantedHook, cancellationToken);
                if (result.Outcome != EnsureOutcome.Unchanged)
                    await events.NormalAsync(project, InstalledReason, $"Push webhook {(result.Outcome == EnsureOutcome.Created ? "created" : "updated")} on {repository.FullName} through the GitHub App (installation {id}).", cancellationToken);
            }
        }
        catch (RateLimitedException limited)
        {
            // Remembered, so the reconciles that other changes cause meanwhile do not call GitHub before it allows.
            var waiting = $"GitHub's rate limit was reached; the GitHub App (installation {id}) sets up {repository.FullName} at {limited.RetryAt:yyyy-MM-dd HH:mm:ss} UTC. Until then, do it by hand";
            _failures[key] = new Failure(wanted, limited.RetryAt, waiting, "GitHubAppRateLimited");
            SetFailed(project, status, waiting, "GitHubAppRateLimited");
            return new GitHubAppStepResult(project, Until(limited.RetryAt));
        }
        catch (GitProviderException error)
        {
            var message = $"The GitHub App (installation {id}) could not set up {repository.FullName}: {error.Message}. Until it can, do it by hand";
            _failures[key] = new Failure(wanted, time.GetUtcNow() + settings.RetryInterval, message, "GitHubAppFailed");
            SetFailed(project, status, message, "GitHubAppFailed");
            await events.WarningAsync(project, "GitHubAppFailed", message, cancellationToken);
            return new GitHubAppStepResult(project, settings.RetryInterval);
        }

        _failures.TryRemove(key, out _);
        SetInstalled(project, status, id, fingerprint, url);
        return new GitHubAppStepResult(project, null);
    }

    private void SetInstalled(Project project, ProjectStatus status, long installationId, string fingerprint, Uri url)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Conditions.Set(status.Conditions, ConditionTypes.DeployKeyReady, true, InstalledReason,
            $"Read-only deploy key {fingerprint} installed on GitHub through the App (installation {installationId}) as \"{Title(project)}\"; nothing to do.",
            project.Metadata.Generation, now);
        Conditions.Set(status.Conditions, ConditionTypes.WebhookReady, true, InstalledReason,
            $"Push webhook to {url.AbsoluteUri} installed on GitHub through the App (installation {installationId}); nothing to do.",
            project.Metadata.Generation, now);
    }

    /// <summary>The manual instructions stay, after what went wrong: the repository still works when set up by hand.</summary>
    private void SetFailed(Project project, ProjectStatus status, string message, string reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var type in new[] { ConditionTypes.DeployKeyReady, ConditionTypes.WebhookReady })
        {
            var manual = Conditions.Find(status.Conditions, type);
            if (manual is null || manual.Status != ConditionStatus.True)
                continue;
            Conditions.Set(status.Conditions, type, true, reason, $"{message}: {manual.Message}", project.Metadata.Generation, now);
        }
    }

    private async Task AnnotateAsync(V1Secret secret, string annotation, string value, CancellationToken cancellationToken)
    {
        var patch = KubernetesJson.Serialize(new { metadata = new { annotations = new Dictionary<string, string> { [annotation] = value } } });
        await kubernetes.CoreV1.PatchNamespacedSecretAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), secret.Metadata.Name,
            secret.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
    }

    /// <summary>The deploy key's title on GitHub: <c>ocore-&lt;namespace&gt;-&lt;project&gt;</c>.</summary>
    public static string Title(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return $"ocore-{project.Metadata.NamespaceProperty}-{project.Metadata.Name}";
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var wait = at - time.GetUtcNow();
        return wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);
    }

    private static string? Text(V1Secret secret, string key) =>
        secret.Data?.TryGetValue(key, out var value) == true ? Encoding.UTF8.GetString(value) : null;

    private sealed record Failure(string Wanted, DateTimeOffset RetryAt, string Message, string Reason);
}
