namespace OCore.Testing.FakeGitHub;

public sealed class FakeRepository
{
    public List<FakeDeployKey> Keys { get; } = [];

    public List<FakeHook> Hooks { get; } = [];
}
