using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class DeployKeyStatus
{
    [Description("OpenSSH public key to add to the repository as a read-only deploy key.")]
    public string? PublicKey { get; set; }

    [Description("SHA256 fingerprint of the key, as providers show it.")]
    public string? Fingerprint { get; set; }

    [Description("The Secret with keys identity, identity.pub and known_hosts.")]
    public LocalObjectReference? SecretRef { get; set; }
}
