using System.CommandLine;
using System.Diagnostics;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OCore.Management;
using OCore.WebhookReceiver.Dashboard;
using OCore.WebhookReceiver.Dashboard.Session;

namespace OCore.Cli.Commands;

/// <summary>
/// <c>ocore dashboard</c>: serves the web dashboard on 127.0.0.1 with the kubeconfig's own credentials (whatever
/// they are: token, client certificate, exec plugin), so nothing is pasted and no token ever leaves the kubeconfig.
/// It prints (and opens) a link with a one-time code; only the browser that opens it gets a session.
/// </summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port to serve on (0 picks a free one)", DefaultValueFactory = _ => 0 };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Only print the link; do not open a browser" };
        var command = new Command("dashboard", "Open the oCore web dashboard locally, as the kubeconfig's user") { port, noBrowser };
        CommandAction.Set(command, Roles.ViewProjects, async (result, session, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var user = await WhoAmIAsync(session.Client, cancellationToken);
            var launch = new LocalLaunch(user);
            await using var app = Build(session.Client, launch, result.GetValue(port));
            await app.StartAsync(cancellationToken);
            var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var link = $"{root}/dashboard/launch?code={launch.Code}";
            await output.WriteLineAsync($"""
                oCore dashboard for {user} ({session.Server}); Ctrl-C stops it.
                Open: {link}
                The link works once, in one browser; run the command again for another.
                """);
            if (!result.GetValue(noBrowser))
                TryOpenBrowser(link);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop serving.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static WebApplication Build(IKubernetes client, LocalLaunch launch, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLocalDashboard(client, launch);
        var app = builder.Build();
        app.MapDashboard();
        return app;
    }

    /// <summary>The kubeconfig user's name as Kubernetes sees it (a SelfSubjectReview), for the dashboard's header.</summary>
    private static async Task<string> WhoAmIAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        try
        {
            var review = await client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview(), cancellationToken: cancellationToken);
            return review.Status?.UserInfo?.Username is { Length: > 0 } name ? name : "kubeconfig user";
        }
        catch (HttpOperationException error) when (error.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            return "kubeconfig user"; // a cluster older than SelfSubjectReview, or one that hides it
        }
    }

    private static void TryOpenBrowser(string link)
    {
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(opener, link) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser opener here (a server, a container): the printed link is enough.
        }
    }
}
