namespace OCore.Testing.FakeGitHub;

public sealed class FakeToken
{
    public required string Value { get; init; }

    public required long InstallationId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Whether a repository call used the token yet (for the "fresh token answers 401 once" mode).</summary>
    public bool Used { get; set; }
}
