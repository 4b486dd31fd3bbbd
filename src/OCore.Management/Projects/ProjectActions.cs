using System.Globalization;
using OCore.Api.V1Alpha1;

namespace OCore.Management.Projects;

/// <summary>
/// The one-shot actions on a Project, done the Kubernetes way: set the action annotation to a new value; the operator
/// acts once and records the handled value in status.
/// </summary>
public static class ProjectActions
{
    public static readonly ProjectAction ReconfigureWebhook = new(Annotations.ReconfigureWebhook, p => p.Status?.HandledReconfigureWebhook);

    public static readonly ProjectAction RegenerateDeployKey = new(Annotations.RegenerateDeployKey, p => p.Status?.HandledRegenerateDeployKey);

    /// <summary>Requests <paramref name="action"/> and waits until the operator reports it handled; returns the Project then.</summary>
    public static async Task<Project> RunAsync(OcoreResources resources, string projectName, ProjectAction action, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(action);
        await resources.GetRequiredAsync<Project>(projectName, cancellationToken);
        // A new value every time: the same value twice would be one request.
        var value = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        await resources.AnnotateAsync<Project>(projectName, action.Annotation, value, cancellationToken);
        return await Polling.UntilAsync(() => resources.GetRequiredAsync<Project>(projectName, cancellationToken),
            p => action.Handled(p) == value, timeout, $"the operator to handle {action.Annotation}={value} on Project {projectName}", cancellationToken);
    }
}
