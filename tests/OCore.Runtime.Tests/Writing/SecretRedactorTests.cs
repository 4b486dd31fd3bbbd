using OCore.Runtime.Writing;

namespace OCore.Runtime.Tests.Writing;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("fatal: could not read from https://bot:s3cr3tpass@git.example.com/acme/erp.git", "s3cr3tpass")]
    [InlineData("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig", "eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("DB password=hunter2-hunter2 failed", "hunter2-hunter2")]
    [InlineData("using token ghp_0123456789abcdefghijABCDEFGHIJ012345", "ghp_0123456789abcdefghij")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAA")]
    [InlineData("{\"secret\": \"abcdef123456\"}", "abcdef123456")]
    public void Credentials_never_survive(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_secret_values_are_removed_anywhere()
    {
        Assert.Equal("hook failed for [redacted] at x", SecretRedactor.Redact("hook failed for Zq9-value-7 at x", ["Zq9-value-7"]));
    }

    [Fact]
    public void Ordinary_text_is_left_alone()
    {
        const string text = "Cloning into 'repo'... fatal: Could not read from remote repository. Permission denied (publickey).";
        Assert.Equal(text, SecretRedactor.Redact(text));
    }
}
