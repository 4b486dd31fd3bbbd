using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;

namespace OCore.Runtime.Tests.Support;

/// <summary>
/// The test operator: for each input ConfigMap <c>in-N</c> it keeps <c>out-N</c> holding the input's value (step 1),
/// then acknowledges that value in an annotation of the input (step 2); when the input is deleted it deletes the
/// output. Like a real reconciler it is idempotent: the input comes from the informer's cache, the output is read
/// live before it is written (so a create that finds its object already there really is a duplicate), and the
/// acknowledgement is guarded by the input's resourceVersion (a stale cache conflicts instead of writing twice).
/// </summary>
internal sealed class MirrorReconciler(
    string process, IKubernetes client, Informer<V1ConfigMap> inputs, SideEffectLog log, CancellationToken processKilled) : IReconciler
{
    public const string AckAnnotation = "test.ocore.io/acked-value";

    /// <summary>Runs between the two steps; tests use it to stop a reconcile halfway.</summary>
    public Func<ObjectKey, CancellationToken, Task>? BetweenSteps { get; set; }

    /// <summary>Time every reconcile takes, so that a kill lands while work remains.</summary>
    public TimeSpan Delay { get; set; }

    public static string OutputOf(string inputName) => "out-" + inputName["in-".Length..];

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        // A killed process runs no more code: its reconciles stop wherever they wait. A request already sent still
        // completes (the kill switch stops the next one), so the log knows for sure what reached the cluster.
        using var killed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, processKilled);
        var ct = cancellationToken;
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, killed.Token);
        var ns = key.Namespace!;
        var output = OutputOf(key.Name);
        var input = inputs.Cache.Get(key);
        if (input is null)
        {
            await DeleteOutputAsync(ns, output, ct);
            return ReconcileResult.Done;
        }

        var value = Value(input.Data, "value") ?? "";
        await EnsureOutputAsync(ns, output, value, ct);
        if (BetweenSteps is { } between)
            await between(key, killed.Token);
        await AcknowledgeAsync(input, value, ct);
        return ReconcileResult.Done;
    }

    private async Task EnsureOutputAsync(string ns, string name, string value, CancellationToken ct)
    {
        var current = await ReadAsync(ns, name, ct);
        if (current is null)
        {
            var created = new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["role"] = "output" } },
                Data = new Dictionary<string, string> { ["value"] = value },
            };
            await log.WriteAsync(process, "create", name, value, () => client.CoreV1.CreateNamespacedConfigMapAsync(created, ns, cancellationToken: ct));
        }
        else if (Value(current.Data, "value") != value)
        {
            current.Data = new Dictionary<string, string> { ["value"] = value };
            await log.WriteAsync(process, "update", name, value, () => client.CoreV1.ReplaceNamespacedConfigMapAsync(current, name, ns, cancellationToken: ct));
        }
    }

    private async Task AcknowledgeAsync(V1ConfigMap input, string value, CancellationToken ct)
    {
        if (Value(input.Metadata.Annotations, AckAnnotation) == value)
            return;
        var patch = new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object>
            {
                ["resourceVersion"] = input.Metadata.ResourceVersion,
                ["annotations"] = new Dictionary<string, string> { [AckAnnotation] = value },
            },
        };
        await log.WriteAsync(process, "ack", input.Metadata.Name, value, () => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch), input.Metadata.Name, input.Metadata.NamespaceProperty,
            cancellationToken: ct));
    }

    private async Task DeleteOutputAsync(string ns, string name, CancellationToken ct)
    {
        if (await ReadAsync(ns, name, ct) is not null)
            await log.WriteAsync(process, "delete", name, "", () => client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, cancellationToken: ct));
    }

    private static string? Value(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private async Task<V1ConfigMap?> ReadAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
