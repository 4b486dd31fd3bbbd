namespace OCore.GitProviders.GitHubApp;

/// <summary>An installation access token. Opaque (its length varies); <see cref="ToString"/> hides it.</summary>
public sealed record InstallationToken(string Value, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"InstallationToken {{ ExpiresAt = {ExpiresAt:O} }}";
}
