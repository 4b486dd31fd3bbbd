namespace OCore.Runtime.Tests.Support;

/// <summary>One request that left a client: when it was sent, what it asked and the status it got.</summary>
internal sealed record RecordedRequest(TimeSpan SentAt, string Method, Uri Uri, int Status)
{
    public bool IsWatch => Uri.Query.Contains("watch=1", StringComparison.Ordinal);

    /// <summary>A list or watch of ConfigMaps (what an informer sends).</summary>
    public bool IsListOrWatch => Method == "GET" && Uri.AbsolutePath.EndsWith("/configmaps", StringComparison.Ordinal);

    public bool IsList => IsListOrWatch && !IsWatch;

    /// <summary>The resourceVersion a watch asked to resume from ("" if none).</summary>
    public string ResourceVersion => Query("resourceVersion");

    private string Query(string name)
    {
        foreach (var part in Uri.Query.TrimStart('?').Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals] == name)
                return Uri.UnescapeDataString(part[(equals + 1)..]);
        }

        return "";
    }
}
