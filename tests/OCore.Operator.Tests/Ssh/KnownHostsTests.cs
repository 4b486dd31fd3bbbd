using OCore.Operator.Ssh;

namespace OCore.Operator.Tests.Ssh;

public sealed class KnownHostsTests
{
    // The providers' published SHA256 fingerprints.
    public static TheoryData<string, string[]> Published => new()
    {
        { "github.com", ["SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU", "SHA256:p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM", "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"] },
        { "gitlab.com", ["SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8", "SHA256:HbW3g8zUjNSksFbqTiUWPWg2Bq1x8xdGUrliXFzSnUw"] },
        { "bitbucket.org", ["SHA256:ybgmFkzwOSotHTHLJgHO0QN8L0xErw6vd0VhFA9m3SM", "SHA256:FC73VB6C4OQLSCrjEayhMp9UMxS97caD/Yyi2bhW/J0"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Pinned_host_keys_have_the_published_fingerprints(string host, string[] fingerprints)
    {
        var file = SshKeygen.WriteTemp(KnownHosts.For(host, null)!);
        try
        {
            var listed = SshKeygen.Run("-l", "-E", "sha256", "-f", file)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' ')[1])
                .Order()
                .ToList();
            Assert.Equal(fingerprints.Order().ToList(), listed);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Self_hosted_servers_use_the_given_lines_and_unknown_hosts_have_none()
    {
        Assert.Equal("git.acme.example ssh-ed25519 AAAA\n", KnownHosts.For("git.acme.example", "  git.acme.example ssh-ed25519 AAAA \n"));
        Assert.Null(KnownHosts.For("git.acme.example", null));
    }
}
