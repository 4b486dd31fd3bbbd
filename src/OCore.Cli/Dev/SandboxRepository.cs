namespace OCore.Cli.Dev;

/// <summary>The sandbox's Git repository as a person uses it.</summary>
/// <param name="Url">What a Project's spec.repository.url names (ssh:// on the local sshd).</param>
/// <param name="WorkingClone">A clone whose <c>git push</c> updates the served repository.</param>
/// <param name="KnownHosts">The known_hosts line of the local sshd.</param>
/// <param name="Port">The local sshd's port on 127.0.0.1.</param>
public sealed record SandboxRepository(string Url, string WorkingClone, string KnownHosts, int Port);
