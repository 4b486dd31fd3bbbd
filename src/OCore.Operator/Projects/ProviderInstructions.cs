using OCore.Api.Git;

namespace OCore.Operator.Projects;

/// <summary>What a person does next on their provider's pages, worded as the spec's connection steps.</summary>
public static class ProviderInstructions
{
    public static string DeployKey(GitProvider provider, RepositoryUrl repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var place = provider switch
        {
            GitProvider.GitHub => $"GitHub: Repository Settings > Deploy Keys > Add deploy key ({Web(repository)}/settings/keys); leave \"Allow write access\" unchecked",
            GitProvider.GitLab => $"GitLab: Repository Settings > Repository > Deploy Keys ({Web(repository)}/-/settings/repository); do not grant write permissions",
            _ => $"Bitbucket: Repository Settings > Access Keys > Add key ({Web(repository)}/admin/access-keys/)",
        };
        return $"Add the public key in status.deployKey.publicKey as a read-only deploy key. {place}.";
    }

    public static string Webhook(GitProvider provider, RepositoryUrl repository, string webhookUrl, string secretName)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var secret = $"the value of key 'secret' in Secret {secretName} (kubectl get secret {secretName} -o jsonpath='{{.data.secret}}' | base64 -d), copied exactly, without a trailing newline";
        return provider switch
        {
            GitProvider.GitHub => $"GitHub: Repository Settings > Webhooks > Add webhook ({Web(repository)}/settings/hooks/new): Payload URL {webhookUrl}, Content type application/json, Secret {secret}, events \"Just the push event\".",
            GitProvider.GitLab => $"GitLab: Repository Settings > Webhooks > Add webhook ({Web(repository)}/-/hooks): URL {webhookUrl}, Secret token {secret}, trigger \"Push events\".",
            _ => $"Bitbucket: Repository Settings > Webhooks > Add webhook ({Web(repository)}/admin/webhooks): URL {webhookUrl}, Secret {secret}, trigger \"Repository push\" (repo:push).",
        };
    }

    private static string Web(RepositoryUrl repository) => $"https://{repository.Host}/{repository.FullName}";
}
