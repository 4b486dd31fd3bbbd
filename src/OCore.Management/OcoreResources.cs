using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Management;

/// <summary>Typed reads and writes of oCore resources (and their Secrets) in one namespace.</summary>
public sealed class OcoreResources(IKubernetes client, string @namespace)
{
    public string Namespace => @namespace;

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> GetAsync<T>(string name, CancellationToken cancellationToken)
        where T : class
    {
        var type = ResourceType.Of<T>();
        try
        {
            return Convert<T>(await client.CustomObjects.GetNamespacedCustomObjectAsync(type.Group, type.Version, @namespace, type.Plural, name, cancellationToken));
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The object; a missing one throws <see cref="ResourceNotFoundException"/>.</summary>
    public async Task<T> GetRequiredAsync<T>(string name, CancellationToken cancellationToken)
        where T : class =>
        await GetAsync<T>(name, cancellationToken) ?? throw new ResourceNotFoundException(ResourceType.Of<T>().Kind, name, @namespace);

    public async Task<IReadOnlyList<T>> ListAsync<T>(CancellationToken cancellationToken) =>
        (await ResourceClient<T>().ListAsync(@namespace, null, cancellationToken)).Items;

    public async Task<ResourceList<T>> ListWithVersionAsync<T>(CancellationToken cancellationToken) =>
        await ResourceClient<T>().ListAsync(@namespace, null, cancellationToken);

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync<T>(string resourceVersion, CancellationToken cancellationToken) =>
        ResourceClient<T>().WatchAsync(@namespace, null, resourceVersion, cancellationToken);

    public async Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken)
        where T : class
    {
        var type = ResourceType.Of<T>();
        return Convert<T>(await client.CustomObjects.CreateNamespacedCustomObjectAsync(obj, type.Group, type.Version, @namespace, type.Plural, cancellationToken: cancellationToken));
    }

    public async Task<T> ReplaceAsync<T>(T obj, string name, CancellationToken cancellationToken)
        where T : class
    {
        var type = ResourceType.Of<T>();
        return Convert<T>(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(obj, type.Group, type.Version, @namespace, type.Plural, name, cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync<T>(string name, CancellationToken cancellationToken)
        where T : class
    {
        var type = ResourceType.Of<T>();
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(type.Group, type.Version, @namespace, type.Plural, name, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ResourceNotFoundException(type.Kind, name, @namespace);
        }
    }

    /// <summary>Sets one annotation with a merge patch (no read-modify-write, so no conflicts).</summary>
    public Task<T> AnnotateAsync<T>(string name, string key, string value, CancellationToken cancellationToken)
        where T : class =>
        MergePatchAsync<T>(name, new { metadata = new { annotations = new Dictionary<string, string> { [key] = value } } }, cancellationToken);

    /// <summary>
    /// Applies a JSON merge patch: only the fields it names change, whoever wrote the object in between (the operator
    /// writes status all the time), so there is no conflict to retry.
    /// </summary>
    public async Task<T> MergePatchAsync<T>(string name, object patch, CancellationToken cancellationToken)
        where T : class
    {
        var type = ResourceType.Of<T>();
        try
        {
            return Convert<T>(await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                type.Group, type.Version, @namespace, type.Plural, name, cancellationToken: cancellationToken));
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ResourceNotFoundException(type.Kind, name, @namespace);
        }
    }

    /// <summary>One key of a Secret as text; null when the Secret or key is missing, or the user may not read Secrets.</summary>
    public async Task<string?> ReadSecretValueAsync(string name, string key, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken);
            return secret.Data?.TryGetValue(key, out var value) == true ? System.Text.Encoding.UTF8.GetString(value) : null;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    private KubernetesResourceClient<T> ResourceClient<T>() => new(client, ResourceType.Of<T>());

    private static T Convert<T>(object obj) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
}
