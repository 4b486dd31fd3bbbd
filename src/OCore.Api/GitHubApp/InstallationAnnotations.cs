namespace OCore.Api.GitHubApp;

/// <summary>Annotations on GitHubInstallation resources.</summary>
public static class InstallationAnnotations
{
    /// <summary>
    /// A new value asks the operator to verify the installation with GitHub at once. The receiver sets it to the
    /// delivery id of an App webhook (installation suspended, renamed, repositories changed) or after the install callback.
    /// </summary>
    public const string Refresh = "ocore.io/refresh";

    /// <summary>Set by the install callback: <see cref="InstallState.LinkProof"/> for the installation's namespace and id.</summary>
    public const string LinkProof = "ocore.io/link-proof";

    /// <summary>
    /// Set by the install callback: the nonce of the install state it used. A state links one installation only; the
    /// callback refuses the same state for another installation id (a leaked link cannot link a stranger's account).
    /// </summary>
    public const string InstallState = "ocore.io/install-state";

    /// <summary>The GitHubInstallation the install callback creates for an installation id.</summary>
    public static string NameFor(long installationId) => $"gh-{installationId}";
}
