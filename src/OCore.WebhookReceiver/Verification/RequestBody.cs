using System.Buffers;

namespace OCore.WebhookReceiver.Verification;

/// <summary>The raw request body in a pooled buffer; dispose to give the buffer back.</summary>
internal sealed class RequestBody : IDisposable
{
    private readonly int _maxBytes;
    private byte[] _buffer;

    public RequestBody(int initialCapacity, int maxBytes)
    {
        _maxBytes = maxBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Length { get; private set; }

    /// <summary>Writable, because a form body is URL-decoded in place once it is verified.</summary>
    public Memory<byte> Memory => _buffer.AsMemory(0, Length);

    public void Append(ReadOnlySpan<byte> data)
    {
        var needed = Length + data.Length;
        if (needed > _buffer.Length)
            Grow(needed);
        data.CopyTo(_buffer.AsSpan(Length));
        Length = needed;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(_buffer.Length * 2, _maxBytes)));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
