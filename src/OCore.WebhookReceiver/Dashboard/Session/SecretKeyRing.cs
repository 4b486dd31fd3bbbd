using System.Net;
using System.Text;
using System.Xml.Linq;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OCore.WebhookReceiver.Dashboard.Session;

/// <summary>
/// The Data Protection key ring in a Kubernetes Secret, one data entry per key, so every replica of the public
/// service reads the sign-in cookies the others wrote. The service's own credentials read and write it (the chart
/// grants get and patch on this one Secret, and creates it empty). Keys are few and rotate every 90 days, so the
/// synchronous calls Data Protection makes here are rare.
/// </summary>
internal sealed class SecretKeyRing(IKubernetes kubernetes, string secretName, string @namespace) : IXmlRepository
{
    private const string Suffix = ".xml";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var secret = ReadAsync().GetAwaiter().GetResult();
        return secret?.Data is not { } data
            ? []
            : data.Where(entry => entry.Key.EndsWith(Suffix, StringComparison.Ordinal))
                .Select(entry => XElement.Parse(Encoding.UTF8.GetString(entry.Value)))
                .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var entry = new Dictionary<string, byte[]> { [EntryName(friendlyName)] = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)) };
        StoreAsync(entry).GetAwaiter().GetResult();
    }

    private async Task<V1Secret?> ReadAsync()
    {
        try
        {
            return await kubernetes.CoreV1.ReadNamespacedSecretAsync(secretName, @namespace);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task StoreAsync(Dictionary<string, byte[]> entry)
    {
        // A merge patch adds the entry whatever other replicas stored meanwhile.
        var patch = new V1Patch(new { data = entry.ToDictionary(e => e.Key, e => Convert.ToBase64String(e.Value)) }, V1Patch.PatchType.MergePatch);
        try
        {
            await kubernetes.CoreV1.PatchNamespacedSecretAsync(patch, secretName, @namespace);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Outside the chart (ocore dashboard, a hand-made install) nobody created it: create it with the key.
            await kubernetes.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = secretName }, Data = entry }, @namespace);
        }
    }

    /// <summary>Secret keys allow [-._a-zA-Z0-9]; Data Protection names keys key-&lt;guid&gt;.</summary>
    private static string EntryName(string friendlyName) =>
        new string(friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()) + Suffix;
}
