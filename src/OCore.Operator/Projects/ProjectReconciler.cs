using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.Git;
using OCore.Api.Naming;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Operator.GitHubApp;
using OCore.Operator.Hosting;
using OCore.Operator.Ssh;
using OCore.Operator.Writers;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;

namespace OCore.Operator.Projects;

/// <summary>
/// Connects a repository: resolves its provider, keeps the webhook and deploy-key Secrets, acts once on the
/// reconfigure/regenerate annotations, and writes a status that tells the person exactly what to do next.
/// Secret values never reach the status, events or logs.
/// </summary>
public sealed class ProjectReconciler(
    ResourceCache<Project> projects,
    ResourceCache<V1Secret> secrets,
    SecretWriter secretWriter,
    CustomResourceWriter<Project> projectWriter,
    EventRecorder events,
    GitHubAppProjectStep gitHubApp,
    IOptions<OperatorOptions> options,
    TimeProvider time) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var project = projects.Get(key);
        if (project is null)
            return ReconcileResult.Done;
        if (project.Metadata.DeletionTimestamp is not null)
            return await gitHubApp.CleanUpAsync(project, cancellationToken); // Owned Secrets go with the Project (garbage collection).

        var status = Copy(project.Status) ?? new ProjectStatus();
        var now = time.GetUtcNow().UtcDateTime;
        var generation = project.Metadata.Generation;

        if (!RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out var urlError))
            return await StallAsync(project, status, "InvalidRepositoryURL", $"spec.repository.url: {urlError}", cancellationToken);
        if ((project.Spec.Repository.Provider ?? repository.InferredProvider) is not { } provider)
            return await StallAsync(project, status, "ProviderRequired",
                $"spec.repository.provider: {repository.Host} is not a public provider host; set provider to github, gitlab or bitbucket", cancellationToken);
        status.Provider = provider;

        var webhookSecret = await EnsureWebhookSecretAsync(project, status, now, cancellationToken);
        status.ProjectId = webhookSecret.Metadata.Annotations![WebhookSecretFormat.ProjectIdAnnotation];
        var webhookUrl = $"{options.Value.PublicReceiverUrl.TrimEnd('/')}/api/webhooks/{provider.ToString().ToLowerInvariant()}/{status.ProjectId}";
        status.Webhook ??= new WebhookStatus();
        status.Webhook.Url = webhookUrl;
        status.Webhook.SecretRef = new LocalObjectReference { Name = webhookSecret.Metadata.Name };
        Conditions.Set(status.Conditions, ConditionTypes.WebhookReady, true, "WebhookSecretReady",
            ProviderInstructions.Webhook(provider, repository, webhookUrl, webhookSecret.Metadata.Name), generation, now);

        var knownHosts = KnownHosts.For(repository.Host, project.Spec.Repository.KnownHosts);
        var keySecret = await EnsureDeployKeyAsync(project, status, knownHosts, cancellationToken);
        var publicKey = ProjectSecrets.Text(keySecret, DeployKeySecretFormat.PublicKey)!.Trim();
        status.DeployKey = new DeployKeyStatus
        {
            PublicKey = publicKey,
            Fingerprint = SshKeyPair.FingerprintOf(Convert.FromBase64String(publicKey.Split(' ')[1])),
            SecretRef = new LocalObjectReference { Name = keySecret.Metadata.Name },
        };
        if (knownHosts is null)
            Conditions.Set(status.Conditions, ConditionTypes.DeployKeyReady, false, "KnownHostsMissing",
                $"spec.repository.knownHosts: {repository.Host} is self-hosted, so oCore cannot pin its SSH host key; set knownHosts to the output of `ssh-keyscan{(repository.Port is { } port ? $" -p {port}" : "")} {repository.Host}` after checking it", generation, now);
        else
            Conditions.Set(status.Conditions, ConditionTypes.DeployKeyReady, true, "DeployKeyReady",
                ProviderInstructions.DeployKey(provider, repository), generation, now);

        var app = await gitHubApp.ApplyAsync(project, status, repository, provider, webhookSecret, keySecret, cancellationToken);
        project = app.Project;
        SetReady(status, generation, now);
        status.ObservedGeneration = generation;
        await projectWriter.UpdateStatusAsync(project, status, cancellationToken);
        return app.RequeueAfter is { } delay ? ReconcileResult.After(delay) : ReconcileResult.Done;
    }

    private async Task<V1Secret> EnsureWebhookSecretAsync(Project project, ProjectStatus status, DateTime now, CancellationToken cancellationToken)
    {
        var name = WebhookSecretFormat.NameFor(project.Metadata.Name);
        var secret = secrets.Get(project.Metadata.NamespaceProperty, name);
        if (secret is null)
        {
            // A Project restored without status keeps its id (and webhook URL) when its Secret survived.
            var projectId = status.ProjectId ?? ProjectIds.New();
            secret = await secretWriter.CreateAsync(
                ProjectSecrets.NewWebhookSecret(project, projectId, Annotation(project, Annotations.ReconfigureWebhook)), cancellationToken);
            status.HandledReconfigureWebhook = ProjectSecrets.HandledValue(secret, WebhookSecretFormat.HandledAnnotation);
            return secret;
        }

        if (!OwnerReferences.IsControlledBy(secret.Metadata, project))
            throw new InvalidOperationException($"Secret {name} exists and is not owned by Project {project.Metadata.Name}; delete or rename it");

        if (secret.Metadata.Annotations?.ContainsKey(WebhookSecretFormat.ProjectIdAnnotation) != true)
        {
            var repaired = KubernetesJson.Deserialize<V1Secret>(KubernetesJson.Serialize(secret));
            repaired.Metadata.Annotations ??= new Dictionary<string, string>();
            repaired.Metadata.Annotations[WebhookSecretFormat.ProjectIdAnnotation] = status.ProjectId ?? ProjectIds.New();
            secret = await secretWriter.ReplaceAsync(repaired, cancellationToken);
        }

        // The handled value lives on the Secret and the rotation is a resourceVersion-guarded write: a reconcile
        // working from a stale cache gets a conflict instead of rotating a second time.
        var requested = Annotation(project, Annotations.ReconfigureWebhook);
        if (requested is not null && requested != ProjectSecrets.HandledValue(secret, WebhookSecretFormat.HandledAnnotation))
        {
            secret = await secretWriter.ReplaceAsync(ProjectSecrets.Rotated(secret, now + options.Value.WebhookSecretGracePeriod, requested), cancellationToken);
            await events.NormalAsync(project, "WebhookSecretRotated",
                $"New webhook secret in Secret {name}; the previous one is accepted for {options.Value.WebhookSecretGracePeriod}. Update it in your provider's webhook settings.", cancellationToken);
        }

        status.HandledReconfigureWebhook = ProjectSecrets.HandledValue(secret, WebhookSecretFormat.HandledAnnotation);
        return secret;
    }

    private async Task<V1Secret> EnsureDeployKeyAsync(Project project, ProjectStatus status, string? knownHosts, CancellationToken cancellationToken)
    {
        var name = DeployKeySecretFormat.NameFor(project.Metadata.Name);
        var secret = secrets.Get(project.Metadata.NamespaceProperty, name);
        if (secret is null)
        {
            secret = await secretWriter.CreateAsync(ProjectSecrets.NewDeployKeySecret(project,
                SshKeyPair.Generate(ProjectSecrets.KeyComment(project)), knownHosts, Annotation(project, Annotations.RegenerateDeployKey)), cancellationToken);
            status.HandledRegenerateDeployKey = ProjectSecrets.HandledValue(secret, DeployKeySecretFormat.HandledAnnotation);
            return secret;
        }

        if (!OwnerReferences.IsControlledBy(secret.Metadata, project))
            throw new InvalidOperationException($"Secret {name} exists and is not owned by Project {project.Metadata.Name}; delete or rename it");

        var requested = Annotation(project, Annotations.RegenerateDeployKey);
        if (requested is not null && requested != ProjectSecrets.HandledValue(secret, DeployKeySecretFormat.HandledAnnotation))
        {
            var key = SshKeyPair.Generate(ProjectSecrets.KeyComment(project));
            secret = await secretWriter.ReplaceAsync(ProjectSecrets.WithDeployKey(secret, key, knownHosts, requested), cancellationToken);
            await events.NormalAsync(project, "DeployKeyRegenerated",
                $"New deploy key {key.Fingerprint}; add it to the repository's deploy keys and remove the old one.", cancellationToken);
        }
        else if (ProjectSecrets.Text(secret, DeployKeySecretFormat.KnownHostsKey) != knownHosts)
        {
            secret = await secretWriter.ReplaceAsync(ProjectSecrets.WithKnownHosts(secret, knownHosts), cancellationToken);
        }

        status.HandledRegenerateDeployKey = ProjectSecrets.HandledValue(secret, DeployKeySecretFormat.HandledAnnotation);
        return secret;
    }

    private async Task<ReconcileResult> StallAsync(Project project, ProjectStatus status, string reason, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Conditions.Set(status.Conditions, ConditionTypes.Ready, false, reason, message, project.Metadata.Generation, now);
        status.ObservedGeneration = project.Metadata.Generation;
        await projectWriter.UpdateStatusAsync(project, status, cancellationToken);
        if (Conditions.Find(project.Status?.Conditions, ConditionTypes.Ready)?.Reason != reason)
            await events.WarningAsync(project, reason, message, cancellationToken);
        return ReconcileResult.Done; // A bad spec is not retried: the next edit triggers a new reconcile.
    }

    /// <summary>Ready summarises the others: the first condition that is not True says what is missing.</summary>
    private static void SetReady(ProjectStatus status, long? generation, DateTime now)
    {
        // GitHubAppRouted=False is information, not a blocker: the repository works with a deploy key and webhook added by hand.
        var blocking = status.Conditions.FirstOrDefault(c => c.Type is not (ConditionTypes.Ready or ConditionTypes.GitHubAppRouted) && c.Status == ConditionStatus.False);
        var byApp = status.Conditions.Count(c => c.Reason == GitHubAppProjectStep.InstalledReason) == 2;
        if (blocking is null)
            Conditions.Set(status.Conditions, ConditionTypes.Ready, true, "Connected", byApp
                ? "Repository connected: the GitHub App installed the deploy key and the webhook"
                : "Repository connected: add the deploy key and the webhook as the DeployKeyReady and WebhookReady conditions say", generation, now);
        else
            Conditions.Set(status.Conditions, ConditionTypes.Ready, false, blocking.Reason, blocking.Message, generation, now);
    }

    private static string? Annotation(Project project, string name) =>
        project.Metadata.Annotations?.TryGetValue(name, out var value) == true && value.Length > 0 ? value : null;

    private static ProjectStatus? Copy(ProjectStatus? status) =>
        status is null ? null : KubernetesJson.Deserialize<ProjectStatus>(KubernetesJson.Serialize(status));
}
