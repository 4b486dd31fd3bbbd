namespace OCore.Api.GitHubApp;

/// <summary>What a verified install state says: the namespace to link the installation to, until when, and its nonce.</summary>
public sealed record InstallStateContent(string Namespace, DateTimeOffset ExpiresAt, string Nonce);
