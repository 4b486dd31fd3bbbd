namespace OCore.DevCluster.Http;

/// <summary>The parts of a request path kube-apiserver's RequestInfoResolver extracts.</summary>
internal sealed record ApiRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public bool IsResource { get; init; }

    public string Group { get; init; } = "";

    public string Version { get; init; } = "";

    public string Namespace { get; init; } = "";

    public string Resource { get; init; } = "";

    public string Name { get; init; } = "";

    public string Subresource { get; init; } = "";

    public required string Verb { get; init; }

    public bool IsWatch => Verb == "watch";
}
