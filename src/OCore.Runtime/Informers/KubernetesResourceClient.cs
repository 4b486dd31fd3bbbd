using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace OCore.Runtime.Informers;

/// <summary>
/// List and watch over the client's authenticated HTTP connection, for any kind (core <c>/api/v1</c> and
/// <c>/apis/group/version</c> alike), so every informer gets bookmarks, paging, resume and real 410/429 answers.
/// </summary>
public sealed class KubernetesResourceClient<T>(IKubernetes kubernetes, ResourceType type) : IResourceClient<T>
{
    private const int PageSize = 500;
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(5);
    private readonly Kubernetes _client = kubernetes as Kubernetes
        ?? throw new ArgumentException("an informer needs the k8s.Kubernetes client (it reuses its authenticated connection)", nameof(kubernetes));

    public ResourceType Type { get; } = type;

    public async Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var query = $"limit={PageSize}" + Param("labelSelector", labelSelector) + Param("continue", continueToken);
            using var response = await SendAsync(Path(@namespace, query), HttpCompletionOption.ResponseContentRead, cancellationToken);
            var list = JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken))!;
            foreach (var item in list["items"]?.AsArray() ?? [])
            {
                // List items carry no kind; fill it so cached objects look like watched ones.
                item!["apiVersion"] = Type.Group.Length == 0 ? Type.Version : $"{Type.Group}/{Type.Version}";
                item["kind"] = Type.Kind;
                items.Add(KubernetesJson.Deserialize<T>(item));
            }

            resourceVersion = list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";
            continueToken = list["metadata"]?["continue"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new ResourceList<T>(items, resourceVersion);
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string? labelSelector, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = "watch=1&allowWatchBookmarks=true" + Param("resourceVersion", resourceVersion) +
                    Param("labelSelector", labelSelector) + $"&timeoutSeconds={(int)WatchTimeout.TotalSeconds}";
        using var response = await SendAsync(Path(@namespace, query), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
                continue;
            var watchEvent = JsonNode.Parse(line)!;
            var eventType = Enum.Parse<WatchEventType>(watchEvent["type"]!.GetValue<string>(), ignoreCase: true);
            var obj = watchEvent["object"]!;
            if (eventType == WatchEventType.Error)
                throw StatusError(obj);
            yield return (eventType, KubernetesJson.Deserialize<T>(obj));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_client.BaseUri, pathAndQuery));
        request.Headers.Accept.ParseAdd("application/json");
        if (_client.Credentials is not null)
            await _client.Credentials.ProcessHttpRequestAsync(request, cancellationToken);
        var response = await _client.HttpClient.SendAsync(request, completion, cancellationToken);
        if (response.IsSuccessStatusCode)
            return response;

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var message = TryStatusMessage(body) ?? response.ReasonPhrase ?? "request failed";
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            throw new KubernetesApiException(response.StatusCode, message, retryAfter);
        }
    }

    private string Path(string? @namespace, string query)
    {
        var prefix = Type.Group.Length == 0 ? $"api/{Type.Version}" : $"apis/{Type.Group}/{Type.Version}";
        var scope = @namespace is null ? "" : $"/namespaces/{Uri.EscapeDataString(@namespace)}";
        return $"{prefix}{scope}/{Type.Plural}?{query}";
    }

    private static string Param(string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $"&{name}={Uri.EscapeDataString(value)}";

    private static KubernetesApiException StatusError(JsonNode status)
    {
        var code = status["code"]?.GetValue<int>() ?? 500;
        return new KubernetesApiException((HttpStatusCode)code, status["message"]?.GetValue<string>() ?? "watch error");
    }

    private static string? TryStatusMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
