using k8s;
using k8s.Models;
using OCore.Testing;

namespace OCore.Runtime.Tests.Support;

/// <summary>Writes the test operator's inputs (as a user would, with the admin client) and checks its outputs.</summary>
internal static class MirrorInputs
{
    public static string Name(int index) => $"in-{index}";

    public static Task CreateAsync(IKubernetes client, string ns, int count, string value) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = Name(i), Labels = new Dictionary<string, string> { ["role"] = "input" } },
            Data = new Dictionary<string, string> { ["value"] = value },
        }, ns)));

    /// <summary>Sets the value of every input (a merge patch: it leaves the operator's acknowledgement alone).</summary>
    public static async Task SetAllAsync(IKubernetes client, string ns, string value)
    {
        var inputs = await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "role=input");
        await Task.WhenAll(inputs.Items.Select(input => SetAsync(client, ns, input.Metadata.Name, value)));
    }

    public static Task SetAsync(IKubernetes client, string ns, string name, string value) =>
        client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(KubernetesJson.Serialize(new { data = new { value } }), V1Patch.PatchType.MergePatch), name, ns);

    /// <summary>Waits until every input is mirrored and acknowledged with its current value and no output is left over.</summary>
    public static Task WaitConvergedAsync(IKubernetes client, string ns, TimeSpan? timeout = null) =>
        Eventually.Until(() => DifferencesAsync(client, ns), d => d.Length == 0, "outputs mirror inputs", timeout);

    /// <summary>What is not yet as it should be ("" when everything is).</summary>
    public static async Task<string> DifferencesAsync(IKubernetes client, string ns)
    {
        var all = (await client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.ToDictionary(c => c.Metadata.Name);
        var differences = new List<string>();
        foreach (var input in all.Values.Where(c => c.Metadata.Name.StartsWith("in-", StringComparison.Ordinal)))
        {
            var value = input.Data["value"];
            var output = all.GetValueOrDefault(MirrorReconciler.OutputOf(input.Metadata.Name));
            if (output?.Data["value"] != value)
                differences.Add($"{input.Metadata.Name}={value} but its output is {output?.Data["value"] ?? "missing"}");
            if (input.Metadata.Annotations?.TryGetValue(MirrorReconciler.AckAnnotation, out var acked) != true || acked != value)
                differences.Add($"{input.Metadata.Name}={value} not acknowledged");
        }

        foreach (var output in all.Keys.Where(n => n.StartsWith("out-", StringComparison.Ordinal)))
        {
            if (!all.ContainsKey("in-" + output["out-".Length..]))
                differences.Add($"{output} has no input");
        }

        return string.Join("; ", differences);
    }
}
