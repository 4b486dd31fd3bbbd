using System.Collections.Concurrent;
using OCore.WebhookReceiver.Projects;

namespace OCore.WebhookReceiver.Tests.Support;

public sealed class FakeProjectDirectory : IWebhookProjectDirectory
{
    private readonly ConcurrentDictionary<string, WebhookProject> _projects = new();

    public void Add(WebhookProject project) => _projects[project.ProjectId] = project;

    public WebhookProject? Find(string projectId) => _projects.GetValueOrDefault(projectId);
}
