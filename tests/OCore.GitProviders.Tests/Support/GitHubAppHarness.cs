using Microsoft.Extensions.Time.Testing;
using OCore.GitProviders.GitHubApp;
using OCore.Testing.FakeGitHub;

namespace OCore.GitProviders.Tests.Support;

/// <summary>A fake GitHub with installation 42 on <c>acme</c>, and an App client pointed at it on a fake clock.</summary>
public sealed class GitHubAppHarness : IAsyncDisposable
{
    public const long InstallationId = 42;
    public const string Owner = "acme";
    public const string Repo = "odoo-custom";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private GitHubAppHarness(FakeGitHubServer server, FakeTimeProvider time, HttpClient http, GitHubAppClient client)
    {
        Server = server;
        Time = time;
        Http = http;
        Client = client;
    }

    public FakeGitHubServer Server { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public GitHubAppClient Client { get; }

    public FakeRepository Repository => Server.Repository(Owner, Repo);

    public static async Task<GitHubAppHarness> StartAsync()
    {
        var time = new FakeTimeProvider(Start);
        var server = await FakeGitHubServer.StartAsync(time);
        server.AddInstallation(InstallationId, Owner);
        var http = new HttpClient();
        var client = new GitHubAppClient(http, Options(server.BaseUrl), time);
        return new GitHubAppHarness(server, time, http, client);
    }

    public static GitHubAppOptions Options(Uri apiBaseUrl) => new()
    {
        AppId = FakeGitHubServer.AppId,
        PrivateKeyPem = TestKeys.AppPrivateKeyPem,
        AppSlug = "ocore-test",
        ApiBaseUrl = apiBaseUrl,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
