namespace OCore.Testing.FakeGitHub;

public sealed record FakeDeployKey(long Id, string Title, string Key, bool ReadOnly);
