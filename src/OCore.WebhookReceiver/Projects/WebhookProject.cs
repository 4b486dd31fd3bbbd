using OCore.Api.Git;

namespace OCore.WebhookReceiver.Projects;

/// <summary>
/// A project as the receiver needs it. Secrets: the current one (ValidUntil null) and, during a rotation,
/// the previous one until its grace period ends.
/// </summary>
public sealed record WebhookProject(
    string Namespace,
    string Name,
    string ProjectId,
    GitProvider Provider,
    RepositoryUrl Repository,
    IReadOnlyList<WebhookSecret> Secrets);
