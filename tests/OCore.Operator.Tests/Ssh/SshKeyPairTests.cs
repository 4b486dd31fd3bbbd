using OCore.Operator.Ssh;

namespace OCore.Operator.Tests.Ssh;

public sealed class SshKeyPairTests
{
    [Fact]
    public void Ssh_keygen_reads_the_private_key_and_derives_the_same_public_key()
    {
        var pair = SshKeyPair.Generate("ocore-acme-odoo-erp");
        var file = SshKeygen.WriteTemp(pair.PrivateKey, privateFile: true);
        try
        {
            var derived = SshKeygen.Run("-y", "-f", file).Trim();
            Assert.Equal(string.Join(' ', pair.PublicKey.Split(' ')[..2]), string.Join(' ', derived.Split(' ')[..2]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_fingerprint_is_what_ssh_keygen_and_providers_show()
    {
        var pair = SshKeyPair.Generate("ocore-acme-odoo-erp");
        var file = SshKeygen.WriteTemp(pair.PublicKey + "\n");
        try
        {
            var line = SshKeygen.Run("-l", "-E", "sha256", "-f", file);
            Assert.StartsWith($"256 {pair.Fingerprint} ocore-acme-odoo-erp (ED25519)", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_key_is_new_and_commented()
    {
        var a = SshKeyPair.Generate("ocore-acme-a");
        var b = SshKeyPair.Generate("ocore-acme-a");
        Assert.NotEqual(a.PublicKey, b.PublicKey);
        Assert.NotEqual(a.PrivateKey, b.PrivateKey);
        Assert.EndsWith(" ocore-acme-a", a.PublicKey, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n", a.PrivateKey, StringComparison.Ordinal);
    }
}
