using OCore.Api.Git;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>Whether a payload's repository is the project's repository.</summary>
internal static class RepositoryMatch
{
    public static bool IsProjectRepository(GitProvider provider, RepositoryUrl repository, string payloadFullName)
    {
        if (repository.HasFullName(payloadFullName))
            return true;

        // Bitbucket Data Center serves HTTPS clones under /scm/ (https://host[/context]/scm/KEY/slug.git),
        // while its payload names the repository KEY/slug.
        if (provider != GitProvider.Bitbucket)
            return false;
        var segments = repository.FullName.Split('/');
        return segments.Length >= 3
            && segments[^3].Equals("scm", StringComparison.OrdinalIgnoreCase)
            && $"{segments[^2]}/{segments[^1]}".Equals(payloadFullName, StringComparison.OrdinalIgnoreCase);
    }
}
