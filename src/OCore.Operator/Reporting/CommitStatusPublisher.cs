using System.Text;
using System.Threading.Channels;
using k8s;
using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.GitProviders;
using OCore.GitProviders.Statuses;

namespace OCore.Operator.Reporting;

/// <summary>
/// Publishes a deployment's state as a commit status (<c>oCore / &lt;environment&gt;</c>) on GitHub, GitLab or
/// Bitbucket with the Project's <c>spec.statusReporting.tokenSecretRef</c>, in the background with retries, so the
/// provider being slow or down never holds up a pipeline. Rate limits wait for the provider's reset time.
/// </summary>
public sealed class CommitStatusPublisher(IKubernetes kubernetes, HttpClient http, TimeProvider time, ILogger<CommitStatusPublisher> logger) : BackgroundService
{
    private const int Attempts = 5;
    private readonly Channel<CommitStatusReport> _queue = Channel.CreateBounded<CommitStatusReport>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Queues the report when the project asks for commit statuses; never waits.</summary>
    public void Enqueue(CommitStatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Project.Spec.StatusReporting?.TokenSecretRef is not null)
            _queue.Writer.TryWrite(report);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One at a time keeps the order of a deployment's states (pending before success) on the provider.
        await foreach (var report in _queue.Reader.ReadAllAsync(stoppingToken))
            await PublishAsync(report, stoppingToken);
    }

    private async Task PublishAsync(CommitStatusReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts && !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var reporting = report.Project.Spec.StatusReporting!;
                var repository = RepositoryUrl.Parse(report.Project.Spec.Repository.Url);
                var provider = report.Project.Status?.Provider ?? report.Project.Spec.Repository.Provider ?? repository.InferredProvider
                    ?? throw new InvalidOperationException("the project's provider is not known yet");
                var token = await ReadTokenAsync(report.Project, reporting.TokenSecretRef!, cancellationToken);
                var reporter = CommitStatusReporterFactory.Create(provider, http, token, reporting.ApiUrl is null ? null : new Uri(reporting.ApiUrl), time);
                await reporter.ReportAsync(repository, report.Commit, report.State, $"oCore / {report.Environment}", report.TargetUrl, report.Description, cancellationToken);
                return;
            }
            catch (RateLimitedException limited) when (!cancellationToken.IsCancellationRequested)
            {
                var wait = limited.RetryAt - time.GetUtcNow();
                logger.LogWarning("Commit status for {Project} is rate limited until {RetryAt}", report.Project.Metadata.Name, limited.RetryAt);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception error) when (error is GitProviderException or HttpRequestException or TaskCanceledException or k8s.Autorest.HttpOperationException or InvalidOperationException
                                          && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Commit status {State} for {Project} at {Commit} failed (attempt {Attempt} of {Attempts}): {Message}",
                    report.State, report.Project.Metadata.Name, report.Commit[..12], attempt, Attempts, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<string> ReadTokenAsync(Project project, SecretKeyReference reference, CancellationToken cancellationToken)
    {
        var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(reference.Name, project.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        return secret.Data?.TryGetValue(reference.Key, out var value) == true
            ? Encoding.UTF8.GetString(value).Trim()
            : throw new InvalidOperationException($"Secret {reference.Name} has no key {reference.Key} (spec.statusReporting.tokenSecretRef)");
    }
}
