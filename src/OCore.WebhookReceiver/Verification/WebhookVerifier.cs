using System.Security.Cryptography;
using OCore.WebhookReceiver.Projects;

namespace OCore.WebhookReceiver.Verification;

/// <summary>Chooses the secrets a delivery is checked against and starts the check.</summary>
internal sealed class WebhookVerifier(TimeProvider timeProvider)
{
    private readonly HmacPool _hmacs = new();

    // An unknown project (or one without a usable secret) is checked against this random key, so its
    // answer costs the same time as a wrong signature and nobody learns which project ids exist.
    private readonly byte[][] _standIn = [RandomNumberGenerator.GetBytes(32)];

    /// <param name="scheme">The provider's scheme.</param>
    /// <param name="project">The project, or null when the id is unknown.</param>
    /// <param name="presented">The digest from the signature header, or the token's UTF-8 bytes.</param>
    public IBodySignature Begin(SignatureScheme scheme, WebhookProject? project, byte[] presented)
    {
        var secrets = UsableSecrets(project);
        var real = secrets.Count > 0;
        if (!real)
            secrets = _standIn;

        return scheme switch
        {
            SignatureScheme.HmacSha256 => new HmacBodySignature(secrets, presented, real, _hmacs),
            SignatureScheme.Token => new TokenSignature(secrets, presented, real),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown signature scheme"),
        };
    }

    /// <summary>The current secret and, during a rotation, the previous one until its grace period ends. Empty secrets never count.</summary>
    private IReadOnlyList<byte[]> UsableSecrets(WebhookProject? project)
    {
        if (project is null)
            return [];
        var now = timeProvider.GetUtcNow();
        var usable = new List<byte[]>(project.Secrets.Count);
        foreach (var secret in project.Secrets)
        {
            if (secret.Value.Length > 0 && (secret.ValidUntil is null || secret.ValidUntil > now))
                usable.Add(secret.Value);
        }

        return usable;
    }
}
