namespace OCore.DevCluster.Protobuf;

/// <summary>How one field of a Kubernetes protobuf message maps to JSON.</summary>
/// <param name="Name">JSON field name.</param>
/// <param name="Kind">string, bytes, int, bool, message, time, stringMap, bytesMap, strings (repeated string) or messages (repeated message).</param>
/// <param name="Message">Message type name for message/messages fields.</param>
internal sealed record ProtoField(string Name, string Kind, string? Message = null);
