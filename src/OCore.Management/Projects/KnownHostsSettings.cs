using System.Net;
using k8s.Autorest;
using OCore.Api.V1Alpha1;

namespace OCore.Management.Projects;

/// <summary>The pinned SSH host keys of a self-hosted Git server (<c>spec.repository.knownHosts</c>), set after connecting.</summary>
public static class KnownHostsSettings
{
    /// <summary>Sets or clears the known_hosts lines; returns the Project as written (unchanged when already so).</summary>
    public static async Task<Project> ApplyAsync(OcoreResources resources, string projectName, string? knownHosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var wanted = string.IsNullOrWhiteSpace(knownHosts) ? null : knownHosts.Trim();
        const int attempts = 3; // the operator writes the Project too (finalizer): read again and retry on a conflict
        for (var attempt = 1; ; attempt++)
        {
            var project = await resources.GetRequiredAsync<Project>(projectName, cancellationToken);
            if (project.Spec.Repository.KnownHosts == wanted)
                return project;
            project.Spec.Repository.KnownHosts = wanted;
            project.Status = null;
            try
            {
                return await resources.ReplaceAsync(project, projectName, cancellationToken);
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict && attempt < attempts)
            {
                // Changed in between: apply to the new version.
            }
        }
    }
}
