using System.Text;
using OCore.Api.Git;
using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Tests.Support;
using OCore.WebhookReceiver.Verification;

namespace OCore.WebhookReceiver.Tests.Verification;

public sealed class SignatureTests
{
    // GitHub's documented test vector ("Validating webhook deliveries").
    private const string GitHubSecret = "It's a Secret to Everybody";
    private const string GitHubPayload = "Hello, World!";
    private const string GitHubSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GitHub_test_vector_verifies()
    {
        Assert.True(SignatureHeader.TryParseHmacSha256(GitHubSignature, out var digest));
        using var signature = new HmacBodySignature([Encoding.UTF8.GetBytes(GitHubSecret)], digest, secretsAreReal: true);

        signature.Append(Encoding.UTF8.GetBytes(GitHubPayload));

        Assert.True(signature.IsValid());
    }

    [Fact]
    public void GitHub_test_vector_verifies_when_the_body_arrives_in_chunks()
    {
        Assert.True(SignatureHeader.TryParseHmacSha256(GitHubSignature, out var digest));
        using var signature = new HmacBodySignature([Encoding.UTF8.GetBytes(GitHubSecret)], digest, secretsAreReal: true);

        foreach (var chunk in new[] { "Hel", "lo, ", "", "World!" })
            signature.Append(Encoding.UTF8.GetBytes(chunk));

        Assert.True(signature.IsValid());
    }

    [Theory]
    [InlineData("It's a Secret to Everybody ", "Hello, World!")]
    [InlineData("It's a Secret to Everybody", "Hello, World!\n")]
    [InlineData("it's a secret to everybody", "Hello, World!")]
    [InlineData("It's a Secret to Everybody", "")]
    public void GitHub_test_vector_fails_for_another_secret_or_body(string secret, string payload)
    {
        Assert.True(SignatureHeader.TryParseHmacSha256(GitHubSignature, out var digest));
        using var signature = new HmacBodySignature([Encoding.UTF8.GetBytes(secret)], digest, secretsAreReal: true);

        signature.Append(Encoding.UTF8.GetBytes(payload));

        Assert.False(signature.IsValid());
    }

    [Fact]
    public void Stand_in_secret_never_verifies_even_when_the_digest_matches_it()
    {
        Assert.True(SignatureHeader.TryParseHmacSha256(GitHubSignature, out var digest));
        using var signature = new HmacBodySignature([Encoding.UTF8.GetBytes(GitHubSecret)], digest, secretsAreReal: false);

        signature.Append(Encoding.UTF8.GetBytes(GitHubPayload));

        Assert.False(signature.IsValid());
    }

    [Theory]
    [InlineData(GitHubSignature, true)]
    [InlineData("sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17", true)]
    [InlineData(" sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17 ", true)]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", false)]
    [InlineData("sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59", false)]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1", false)]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e177", false)]
    [InlineData("sha256=z57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", false)]
    [InlineData("sha256=", false)]
    [InlineData("", false)]
    public void Signature_header_must_be_sha256_and_64_hex_digits(string header, bool parses)
    {
        Assert.Equal(parses, SignatureHeader.TryParseHmacSha256(header, out _));
    }

    [Theory]
    [InlineData("s3cr3t-token", "s3cr3t-token", true)]
    [InlineData("s3cr3t-token", "s3cr3t-token ", false)]
    [InlineData("s3cr3t-token", "s3cr3t", false)]
    [InlineData("s3cr3t-token", "", false)]
    [InlineData("s3cr3t-token", "S3CR3T-TOKEN", false)]
    public void GitLab_token_must_equal_the_secret(string secret, string token, bool valid)
    {
        using var signature = new TokenSignature([Encoding.UTF8.GetBytes(secret)], Encoding.UTF8.GetBytes(token), secretsAreReal: true);

        Assert.Equal(valid, signature.IsValid());
    }

    [Theory]
    [InlineData(SignatureScheme.HmacSha256, -1, true)]
    [InlineData(SignatureScheme.HmacSha256, 1, false)]
    [InlineData(SignatureScheme.Token, -1, true)]
    [InlineData(SignatureScheme.Token, 1, false)]
    public void Previous_secret_counts_until_its_grace_period_ends(SignatureScheme scheme, int secondsAfterGraceEnds, bool valid)
    {
        var graceEnds = Now.AddHours(1);
        var verifier = new WebhookVerifier(new ManualTimeProvider(graceEnds.AddSeconds(secondsAfterGraceEnds)));
        var project = Project(new WebhookSecret("current"u8.ToArray(), null), new WebhookSecret("previous"u8.ToArray(), graceEnds));

        Assert.Equal(valid, Verify(verifier, scheme, project, "previous"));
        Assert.True(Verify(verifier, scheme, project, "current"));
    }

    [Theory]
    [InlineData(SignatureScheme.HmacSha256)]
    [InlineData(SignatureScheme.Token)]
    public void Empty_configured_secret_rejects_everything(SignatureScheme scheme)
    {
        var verifier = new WebhookVerifier(new ManualTimeProvider(Now));
        var project = Project(new WebhookSecret([], null));

        Assert.False(Verify(verifier, scheme, project, ""));
        Assert.False(Verify(verifier, scheme, Project(), ""));
    }

    [Theory]
    [InlineData(SignatureScheme.HmacSha256)]
    [InlineData(SignatureScheme.Token)]
    public void Unknown_project_is_rejected(SignatureScheme scheme)
    {
        var verifier = new WebhookVerifier(new ManualTimeProvider(Now));

        Assert.False(Verify(verifier, scheme, null, "anything"));
    }

    private static bool Verify(WebhookVerifier verifier, SignatureScheme scheme, WebhookProject? project, string secretUsedBySender)
    {
        var body = "{\"ref\":\"refs/heads/main\"}"u8.ToArray();
        var presented = scheme == SignatureScheme.Token
            ? Encoding.UTF8.GetBytes(secretUsedBySender)
            : System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretUsedBySender), body);
        using var signature = verifier.Begin(scheme, project, presented);
        signature.Append(body);
        return signature.IsValid();
    }

    private static WebhookProject Project(params WebhookSecret[] secrets) =>
        new("acme", "odoo", "p-1", GitProvider.GitHub, RepositoryUrl.Parse("git@github.com:acme/odoo-custom.git"), secrets);
}
