using OCore.Api.V1Alpha1;
using OCore.Runtime.Informers;

namespace OCore.Operator.GitHubApp;

/// <summary>What the Project controller takes from the GitHub App wiring: the installations to watch and its step.</summary>
public sealed record GitHubAppParts(Informer<GitHubInstallation> Installations, GitHubAppProjectStep ProjectStep);
