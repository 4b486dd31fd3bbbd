using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Options;
using OCore.Api.GitHubApp;
using OCore.Api.Secrets;

namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// Reads the App Secret, at most once per <see cref="GitHubAppReceiverOptions.RereadAfter"/> whatever the request
/// rate. Null when the App is not configured, the Secret is missing, or its webhook secret is empty (an empty
/// secret must never verify anything).
/// </summary>
internal sealed class GitHubAppSecretSource(IKubernetes kubernetes, IOptions<GitHubAppReceiverOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GitHubAppKeys? _keys;
    private DateTimeOffset? _readAt;

    public async Task<GitHubAppKeys?> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SecretName))
            return null;
        if (_readAt is { } readAt && time.GetUtcNow() - readAt < settings.RereadAfter)
            return _keys;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_readAt is { } again && time.GetUtcNow() - again < settings.RereadAfter)
                return _keys;
            _keys = await ReadAsync(settings, cancellationToken);
            _readAt = time.GetUtcNow();
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<GitHubAppKeys?> ReadAsync(GitHubAppReceiverOptions settings, CancellationToken cancellationToken)
    {
        k8s.Models.V1Secret secret;
        try
        {
            secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(settings.SecretName, settings.SecretNamespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (secret.Data is not { } data || !data.TryGetValue(GitHubAppSecretFormat.WebhookSecretKey, out var webhookSecret) || webhookSecret.Length == 0)
            return null;
        var stateKey = data.TryGetValue(GitHubAppSecretFormat.StateKeyKey, out var dedicated) && dedicated.Length >= 16
            ? dedicated
            : InstallState.KeyFromSecret(Encoding.UTF8.GetString(webhookSecret));
        return new GitHubAppKeys(webhookSecret, stateKey)
        {
            AppId = Text(data, GitHubAppSecretFormat.AppIdKey),
            Slug = Text(data, GitHubAppSecretFormat.SlugKey),
            WebUrl = Uri.TryCreate(Text(data, GitHubAppSecretFormat.WebUrlKey), UriKind.Absolute, out var web) ? web : new Uri("https://github.com"),
        };
    }

    private static string? Text(IDictionary<string, byte[]> data, string key) =>
        data.TryGetValue(key, out var value) && value.Length > 0 ? Encoding.UTF8.GetString(value).Trim() : null;
}
