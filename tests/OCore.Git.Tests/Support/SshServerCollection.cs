using OCore.Testing;

namespace OCore.Git.Tests.Support;

/// <summary>Tests that share one real sshd; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SshServerCollection : ICollectionFixture<SshServerFixture>
{
    public const string Name = "sshd";
}
