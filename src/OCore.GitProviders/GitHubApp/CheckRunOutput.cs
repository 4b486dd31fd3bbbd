namespace OCore.GitProviders.GitHubApp;

/// <summary>
/// The text shown on the check run's page. <see cref="Summary"/> and <see cref="Text"/> are Markdown and are cut
/// to GitHub's 65535 characters, ending with a "truncated" note, when longer.
/// </summary>
public sealed record CheckRunOutput(string Title, string Summary, string? Text = null);
