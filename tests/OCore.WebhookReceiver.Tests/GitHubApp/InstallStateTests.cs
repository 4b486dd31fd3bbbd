using System.Buffers.Text;
using System.Text;
using OCore.Api.GitHubApp;

namespace OCore.WebhookReceiver.Tests.GitHubApp;

public sealed class InstallStateTests
{
    private static readonly byte[] Key = InstallState.KeyFromSecret("app-webhook-secret");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_minted_state_reads_back_its_namespace_until_it_expires()
    {
        var token = InstallState.Mint(Key, "acme", Now.AddMinutes(30));
        Assert.True(InstallState.TryRead(Key, token, Now.AddMinutes(29), out var content, out _));
        Assert.Equal(("acme", Now.AddMinutes(30)), (content.Namespace, content.ExpiresAt));
        Assert.NotEqual(content.Nonce, InstallState.TryRead(Key, InstallState.Mint(Key, "acme", Now.AddMinutes(30)), Now, out var other, out _) ? other.Nonce : null);

        Assert.False(InstallState.TryRead(Key, token, Now.AddMinutes(30), out _, out var error));
        Assert.Contains("expired", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_namespace_another_key_or_garbage_is_refused()
    {
        var token = InstallState.Mint(Key, "acme", Now.AddMinutes(30));
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"acme\"", "\"evil\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.False(InstallState.TryRead(Key, tampered, Now, out _, out var error));
        Assert.Contains("not signed by this oCore", error, StringComparison.Ordinal);
        Assert.False(InstallState.TryRead(InstallState.KeyFromSecret("another-secret"), token, Now, out _, out _));
        Assert.False(InstallState.TryRead(Key, "v1.x.y", Now, out _, out _));
        Assert.False(InstallState.TryRead(Key, null, Now, out _, out _));
        Assert.Throws<ArgumentException>(() => InstallState.Mint(Key, "Not A Namespace", Now));
    }
}
