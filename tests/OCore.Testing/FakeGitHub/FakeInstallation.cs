namespace OCore.Testing.FakeGitHub;

public sealed class FakeInstallation
{
    public required long Id { get; init; }

    public required string AccountLogin { get; init; }

    public string AccountType { get; init; } = "Organization";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.Parse("2026-01-15T10:30:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public DateTimeOffset? SuspendedAt { get; set; }

    public string RepositorySelection { get; init; } = "selected";
}
