using OCore.DevCluster.Http;

namespace OCore.DevCluster.Protobuf;

/// <summary>Reads protobuf wire format: tags, varints and length-delimited fields.</summary>
internal sealed class ProtoReader(ReadOnlyMemory<byte> data)
{
    private int _position;

    public bool AtEnd => _position >= data.Length;

    public (int Number, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= data.Length)
            {
                throw ApiErrors.BadRequest("truncated protobuf varint");
            }
            var b = data.Span[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw ApiErrors.BadRequest("malformed protobuf varint");
    }

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > data.Length)
        {
            throw ApiErrors.BadRequest("truncated protobuf field");
        }
        var slice = data.Slice(_position, length);
        _position += length;
        return slice;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw ApiErrors.BadRequest($"unsupported protobuf wire type {wireType}");
        }
    }
}
