using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Api.GitHubApp;
using OCore.Api.Secrets;
using OCore.GitProviders.GitHubApp;

namespace OCore.Operator.GitHubApp;

/// <summary>
/// The GitHub App client, built from the App Secret. The Secret is read again at most every
/// <see cref="RereadAfter"/>; a changed Secret (a new private key) gives a new client, an unchanged one keeps the
/// client and its cached installation tokens.
/// </summary>
public sealed class GitHubAppConnection(IKubernetes kubernetes, HttpClient httpClient, GitHubAppSettings settings, TimeProvider time)
{
    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private GitHubAppLookup? _current;
    private string? _resourceVersion;
    private DateTimeOffset _readAt;

    public static string NotConfiguredMessage =>
        "the GitHub App is not configured in oCore (Operator:GitHubApp:SecretName is empty)";

    public async Task<GitHubAppLookup> GetAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
            return GitHubAppLookup.NotConfigured(NotConfiguredMessage);
        if (_current is { } fresh && time.GetUtcNow() - _readAt < RereadAfter)
            return fresh;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && time.GetUtcNow() - _readAt < RereadAfter)
                return current;
            var secret = await ReadSecretAsync(cancellationToken);
            if (secret is null || secret.Metadata.ResourceVersion != _resourceVersion || _current is null)
                _current = Build(secret);
            _resourceVersion = secret?.Metadata.ResourceVersion;
            _readAt = time.GetUtcNow();
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<V1Secret?> ReadSecretAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await kubernetes.CoreV1.ReadNamespacedSecretAsync(settings.SecretName, settings.SecretNamespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private GitHubAppLookup Build(V1Secret? secret)
    {
        var where = $"Secret {settings.SecretNamespace}/{settings.SecretName}";
        if (secret is null)
            return GitHubAppLookup.NotConfigured($"the GitHub App {where} does not exist");
        var appId = Text(secret, GitHubAppSecretFormat.AppIdKey);
        var privateKey = Text(secret, GitHubAppSecretFormat.PrivateKeyKey);
        if (string.IsNullOrWhiteSpace(appId) || string.IsNullOrWhiteSpace(privateKey))
            return GitHubAppLookup.NotConfigured($"the GitHub App {where} needs the keys {GitHubAppSecretFormat.AppIdKey} and {GitHubAppSecretFormat.PrivateKeyKey}");

        var options = new GitHubAppOptions
        {
            AppId = appId.Trim(),
            PrivateKeyPem = privateKey,
            AppSlug = Text(secret, GitHubAppSecretFormat.SlugKey)?.Trim(),
        };
        if (Url(secret, GitHubAppSecretFormat.ApiUrlKey) is { } api)
            options = options with { ApiBaseUrl = api };
        if (Url(secret, GitHubAppSecretFormat.WebUrlKey) is { } web)
            options = options with { WebBaseUrl = web };
        try
        {
            return GitHubAppLookup.Ready(new GitHubAppClient(httpClient, options, time), StateKey(secret));
        }
        catch (ArgumentException)
        {
            // The exception text is not passed on: it could quote the key.
            return GitHubAppLookup.NotConfigured($"the {GitHubAppSecretFormat.PrivateKeyKey} in the GitHub App {where} is not a PEM RSA private key");
        }
    }

    /// <summary>The dedicated state-key when the Secret has one, else the key derived from the webhook secret (as the receiver does).</summary>
    private static byte[] StateKey(V1Secret secret) =>
        secret.Data?.TryGetValue(GitHubAppSecretFormat.StateKeyKey, out var dedicated) == true && dedicated.Length >= 16
            ? dedicated
            : InstallState.KeyFromSecret(Text(secret, GitHubAppSecretFormat.WebhookSecretKey) ?? Text(secret, GitHubAppSecretFormat.PrivateKeyKey)!);

    private static string? Text(V1Secret secret, string key) =>
        secret.Data?.TryGetValue(key, out var value) == true ? Encoding.UTF8.GetString(value) : null;

    private static Uri? Url(V1Secret secret, string key) =>
        Uri.TryCreate(Text(secret, key)?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
