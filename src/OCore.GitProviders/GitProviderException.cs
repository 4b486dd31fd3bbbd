using System.Net;

namespace OCore.GitProviders;

/// <summary>
/// A Git provider refused or failed a request. The message names the provider, the method and path and the
/// provider's own explanation; it never contains a token, a JWT or a key.
/// </summary>
public class GitProviderException : Exception
{
    public GitProviderException(string message, HttpStatusCode? statusCode = null, string? providerMessage = null)
        : base(message)
    {
        StatusCode = statusCode;
        ProviderMessage = providerMessage;
    }

    /// <summary>The HTTP status the provider answered, or null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The provider's error text from the response body (for example GitHub's <c>message</c>), if any.</summary>
    public string? ProviderMessage { get; }
}
