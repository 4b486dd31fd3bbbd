namespace OCore.Management;

/// <summary>
/// An oCore resource that was asked for by name does not exist. <see cref="Field"/> is set when the name came from a
/// request's input (the request is then invalid) rather than from the path of what is acted on.
/// </summary>
public sealed class ResourceNotFoundException(string kind, string name, string @namespace, string? field = null, string? hint = null)
    : Exception($"{kind} {name} not found in namespace {@namespace}{(hint is null ? "" : "; " + hint)}")
{
    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public string Namespace { get; } = @namespace;

    public string? Field { get; } = field;
}
