using OCore.Api.Git;
using OCore.Git.Remote;

namespace OCore.Git.Tests.Remote;

/// <summary>
/// The wording of hosted providers, which the local sshd cannot reproduce; the local failures are covered against
/// the real server in <see cref="AccessErrorTests"/>.
/// </summary>
public sealed class GitErrorsTests
{
    private static readonly RepositoryUrl Url = RepositoryUrl.Parse("git@github.com:acme/odoo-custom.git");

    [Theory]
    [InlineData("ERROR: Repository not found.\nfatal: Could not read from remote repository.", GitAccessErrorKind.RepositoryNotFound)]
    [InlineData("remote: The project you were looking for could not be found or you don't have permission to view it.", GitAccessErrorKind.RepositoryNotFound)]
    [InlineData("conq: repository does not exist.", GitAccessErrorKind.RepositoryNotFound)]
    [InlineData("git@github.com: Permission denied (publickey).", GitAccessErrorKind.KeyRejected)]
    [InlineData("No ED25519 host key is known for github.com and you have requested strict checking.\nHost key verification failed.", GitAccessErrorKind.UnknownHostKey)]
    [InlineData("@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@", GitAccessErrorKind.UnknownHostKey)]
    [InlineData("ssh: Could not resolve hostname github.com: Name or service not known", GitAccessErrorKind.Unreachable)]
    [InlineData("ssh: connect to host github.com port 22: Connection timed out", GitAccessErrorKind.Unreachable)]
    [InlineData("ssh: connect to host github.com port 22: No route to host", GitAccessErrorKind.Unreachable)]
    [InlineData("fatal: protocol error: bad pack header", GitAccessErrorKind.Other)]
    public void Recognises_what_providers_and_ssh_print(string standardError, GitAccessErrorKind kind)
    {
        Assert.Equal(kind, GitErrors.KindOf(standardError));
    }

    [Fact]
    public void Withholds_output_that_echoes_the_key()
    {
        const string keyLine = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
        var credentials = new DeployKeyCredentials($"-----BEGIN OPENSSH PRIVATE KEY-----\n{keyLine}\n-----END OPENSSH PRIVATE KEY-----\n", "");

        var error = GitErrors.Classify(Url, "ls-remote", $"fatal: unexpected line '{keyLine}'", credentials);

        Assert.Equal(GitAccessErrorKind.Other, error.Kind);
        Assert.DoesNotContain(keyLine, error.Message, StringComparison.Ordinal);
        Assert.Contains("withheld", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_gits_words_without_the_generic_advice()
    {
        var credentials = new DeployKeyCredentials("key", "");

        var error = GitErrors.Classify(Url, "ls-remote",
            "ERROR: Repository not found.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
            credentials);

        Assert.EndsWith("Git said: ERROR: Repository not found.", error.Message, StringComparison.Ordinal);
    }
}
