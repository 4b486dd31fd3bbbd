namespace OCore.WebhookReceiver.Verification;

/// <summary>A signature check that sees the body while it streams in, so large bodies are read and hashed once.</summary>
internal interface IBodySignature : IDisposable
{
    void Append(ReadOnlySpan<byte> bodyChunk);

    /// <summary>Whether the presented credential matches one of the secrets; call once, after the whole body.</summary>
    bool IsValid();
}
