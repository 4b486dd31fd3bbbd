using System.Text;
using OCore.Api.Secrets;

namespace OCore.Git.Remote;

/// <summary>
/// A deploy key and the host keys to trust, as the project's deploy-key Secret holds them. The key text stays
/// inside this library: it is only ever written to a private temporary file, and <see cref="ToString"/> hides it.
/// </summary>
public sealed class DeployKeyCredentials
{
    /// <param name="privateKey">The private key in OpenSSH PEM form (the Secret's <c>identity</c>).</param>
    /// <param name="knownHosts">known_hosts lines of the Git servers to trust (the Secret's <c>known_hosts</c>).</param>
    public DeployKeyCredentials(string privateKey, string knownHosts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        ArgumentNullException.ThrowIfNull(knownHosts);
        PrivateKey = privateKey;
        KnownHosts = knownHosts;
    }

    internal string PrivateKey { get; }

    internal string KnownHosts { get; }

    /// <summary>
    /// Reads the <c>identity</c> and <c>known_hosts</c> keys of a deploy-key Secret's data (as
    /// <c>V1Secret.Data</c> holds them). A missing known_hosts means no host is trusted.
    /// </summary>
    /// <exception cref="ArgumentException">The data has no <c>identity</c> key.</exception>
    public static DeployKeyCredentials FromSecretData(IDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.TryGetValue(DeployKeySecretFormat.IdentityKey, out var identity) || identity.Length == 0)
            throw new ArgumentException($"the deploy-key Secret has no '{DeployKeySecretFormat.IdentityKey}' key", nameof(data));

        var knownHosts = data.TryGetValue(DeployKeySecretFormat.KnownHostsKey, out var hosts) ? hosts : [];
        return new DeployKeyCredentials(Encoding.UTF8.GetString(identity), Encoding.UTF8.GetString(knownHosts));
    }

    public override string ToString() => "DeployKeyCredentials { PrivateKey = (hidden) }";
}
