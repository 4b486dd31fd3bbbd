namespace OCore.Api.GitHubApp;

/// <summary>GitHub's page that installs an App on an account, carrying a <see cref="InstallState"/> back to the Setup URL.</summary>
public static class InstallLinks
{
    /// <summary><c>{webRoot}/apps/{slug}/installations/new?state={state}</c>.</summary>
    public static Uri For(Uri webRoot, string slug, string state)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        ArgumentException.ThrowIfNullOrEmpty(state);
        var root = webRoot.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/apps/{Uri.EscapeDataString(slug)}/installations/new?state={Uri.EscapeDataString(state)}");
    }
}
