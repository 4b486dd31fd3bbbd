using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OCore.Api.Git;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Projects;
using Serilog.Core;

namespace OCore.WebhookReceiver.Tests.Support;

/// <summary>
/// The real receiver (Program) with in-memory fakes of the Kubernetes-backed parts, a settable clock and a
/// log sink. Three projects exist, one per provider, each with its repository and <see cref="Secret"/>.
/// </summary>
public class ReceiverFactory : WebApplicationFactory<Program>
{
    public const string GitHubProject = "p-github-7f3a9c2e";
    public const string GitLabProject = "p-gitlab-51d0b7aa";
    public const string BitbucketProject = "p-bitbucket-c4e8f106";
    public const string BitbucketDataCenterProject = "p-bbdc-09a1e5d3";
    public const string Secret = "whsec-3b9f2d71c6a84e05";

    private readonly Dictionary<string, string?> _settings;

    public ReceiverFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected ReceiverFactory(Dictionary<string, string?> settings)
    {
        // A generous limit by default, so only the rate-limit tests meet it; failed verifications are answered at once
        // except in the tests of that delay, which drive it with a fake clock.
        _settings = new Dictionary<string, string?>
        {
            ["Webhooks:RateLimit:BurstLimit"] = "100000",
            ["Webhooks:FailedVerificationDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
            _settings[key] = value;

        Projects.Add(NewProject(GitHubProject, GitProvider.GitHub, "git@github.com:acme/odoo-custom.git"));
        Projects.Add(NewProject(GitLabProject, GitProvider.GitLab, "git@gitlab.com:acme/erp/odoo-custom.git"));
        Projects.Add(NewProject(BitbucketProject, GitProvider.Bitbucket, "git@bitbucket.org:acme/odoo-custom.git"));
        Projects.Add(NewProject(BitbucketDataCenterProject, GitProvider.Bitbucket, "https://bitbucket.acme.example/scm/erp/odoo-custom.git"));
    }

    public FakeProjectDirectory Projects { get; } = new();

    public RecordingPushHandler Handler { get; } = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public CapturingLogSink Logs { get; } = new();

    public static WebhookProject NewProject(string projectId, GitProvider provider, string repository, params WebhookSecret[] secrets) =>
        new("acme", projectId, projectId, provider, RepositoryUrl.Parse(repository),
            secrets.Length > 0 ? secrets : [new WebhookSecret(System.Text.Encoding.UTF8.GetBytes(Secret), null)]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            // These tests exercise the HTTP front with in-memory fakes; no cluster runs behind them.
            foreach (var clusterService in services.Where(d => d.ImplementationType == typeof(ClusterBackground) || d.ServiceType == typeof(IDeliveryRecorder)).ToList())
                services.Remove(clusterService);
            services.AddSingleton<IWebhookProjectDirectory>(Projects);
            services.AddSingleton<IPushHandler>(Handler);
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILogEventSink>(Logs);
        });
    }
}
