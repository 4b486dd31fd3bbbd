using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.Git.Serving;
using OCore.Runtime.Informers;

namespace OCore.Cli.Dev;

/// <summary>
/// Stands in for the person at the Git provider, for every Project whose repository URL points at the sandbox's
/// git server: adds the deploy key the operator generated to the server's trusted keys (the provider's "add deploy
/// key" page), then, when spec.repository.knownHosts is empty, pins the server's host key there (the checked
/// ssh-keyscan output a person would paste). The key goes first, so the operator's first look at the repository
/// already succeeds. A key the Project no longer has (regenerated, Project deleted or pointed elsewhere) is removed
/// again, as a person removes an old deploy key.
/// </summary>
internal sealed class LocalRepositoryAccess : IAsyncDisposable
{
    private static readonly ResourceType Projects = ResourceType.Of<Project>();
    private readonly SshGitServer _server;
    private readonly Kubernetes _client;
    private readonly ILogger _logger;
    private readonly Informer<Project> _informer;
    private readonly Channel<ObjectKey> _queue = Channel.CreateUnbounded<ObjectKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _informerRun;
    private readonly Task _worker;

    // The key each Project was given; only the worker touches it.
    private readonly Dictionary<ObjectKey, string> _granted = [];

    private LocalRepositoryAccess(SshGitServer server, Kubernetes client, ILoggerFactory loggers)
    {
        _server = server;
        _client = client;
        _logger = loggers.CreateLogger<LocalRepositoryAccess>();
        // The periodic resync retries a write that failed (the API was briefly away) without any other event.
        _informer = new Informer<Project>(new KubernetesResourceClient<Project>(client, Projects),
            new InformerOptions { ResyncPeriod = TimeSpan.FromSeconds(30) }, loggers.CreateLogger<Informer<Project>>());
        _informer.OnEvent(e => _queue.Writer.TryWrite(ObjectKey.Of(e.Object)));
        _informerRun = _informer.RunAsync(_stop.Token);
        _worker = WorkAsync(_stop.Token);
    }

    public static LocalRepositoryAccess Start(SshGitServer server, string kubeconfig, ILoggerFactory loggers) =>
        new(server, new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)), loggers);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        await Task.WhenAll(_informerRun, _worker).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var key in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    if (_informer.Cache.Get(key) is { } project)
                        await GrantAsync(key, project, cancellationToken);
                    else
                        Revoke(key);
                }
                catch (Exception error) when (error is k8s.Autorest.HttpOperationException or HttpRequestException or IOException or ArgumentException)
                {
                    _logger.LogWarning("Could not give Project {Project} access to the sandbox's repository: {Message}; retrying on its next change", key, error.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sandbox stops.
        }
    }

    private async Task GrantAsync(ObjectKey key, Project project, CancellationToken cancellationToken)
    {
        if (!RepositoryUrl.TryParse(project.Spec.Repository.Url, out var url, out _) || !_server.Serves(url))
        {
            Revoke(key);
            return;
        }
        if (project.Status?.DeployKey?.PublicKey is not { Length: > 0 } publicKey)
            return;
        if (_granted.TryGetValue(key, out var previous) && previous != publicKey)
            Revoke(key);
        _granted[key] = publicKey;
        if (_server.AuthorizeKey(publicKey))
            _logger.LogInformation("Added the deploy key {Fingerprint} of Project {Project} to the sandbox's git server", project.Status.DeployKey.Fingerprint, ObjectKey.Of(project));
        if (!string.IsNullOrWhiteSpace(project.Spec.Repository.KnownHosts))
            return;

        var patch = new { spec = new { repository = new { knownHosts = _server.KnownHosts } } };
        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch),
            Projects.Group, Projects.Version, project.Metadata.NamespaceProperty, Projects.Plural, project.Metadata.Name, cancellationToken: cancellationToken);
        _logger.LogInformation("Pinned the sandbox git server's host key in Project {Project} (spec.repository.knownHosts)", ObjectKey.Of(project));
    }

    /// <summary>Removes the key a Project was given, unless another Project was given the same one.</summary>
    private void Revoke(ObjectKey key)
    {
        if (!_granted.Remove(key, out var publicKey) || _granted.ContainsValue(publicKey))
            return;
        if (_server.RevokeKey(publicKey))
            _logger.LogInformation("Removed the old deploy key of Project {Project} from the sandbox's git server", key);
    }
}
