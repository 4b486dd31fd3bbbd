namespace OCore.GitProviders.Tests.FakeGitHub;

public sealed class FakeRepository
{
    public List<FakeDeployKey> Keys { get; } = [];

    public List<FakeHook> Hooks { get; } = [];
}
