using k8s;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OCore.WebhookReceiver.Api;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Dashboard.Screens;
using OCore.WebhookReceiver.Dashboard.Session;
using OCore.WebhookReceiver.GitHubApp;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>
/// The web dashboard under /dashboard: on the public service (sign-in with a Kubernetes token), or on a local server
/// started by <c>ocore dashboard</c> with the kubeconfig's credentials. Every Kubernetes call is the person's own.
/// </summary>
public static class DashboardApplication
{
    /// <summary>On the public service: the person's token from the sign-in cookie goes on each Kubernetes call.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCommon(builder);
        builder.Services.AddSingleton(provider => new DashboardKubernetes(provider.GetRequiredService<CallerKubernetes>().Client));
        return builder;
    }

    /// <summary>
    /// Under <c>ocore dashboard</c>: every call uses <paramref name="client"/> (the kubeconfig's credentials); a browser
    /// gets a session only through the one-time link of <paramref name="launch"/>.
    /// </summary>
    public static WebApplicationBuilder AddLocalDashboard(this WebApplicationBuilder builder, IKubernetes client, LocalLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCommon(builder);
        var services = builder.Services;
        services.AddSingleton(new DashboardKubernetes(client));
        services.AddSingleton(launch);
        // The GitHub App settings read the App Secret with the kubeconfig's credentials (section GitHubApp names it).
        services.AddSingleton(client);
        services.AddOptions<GitHubAppReceiverOptions>().BindConfiguration(GitHubAppReceiverOptions.Section);
        services.AddSingleton<GitHubAppSecretSource>();
        services.AddOptions<ClusterOptions>();
        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPaths.Root, StringComparison.Ordinal),
            dashboard => dashboard.UseMiddleware<DashboardSessionMiddleware>());
        var pages = app.MapGroup(DashboardPaths.Root).ExcludeFromDescription();
        var forms = app.MapGroup(DashboardPaths.Root).ExcludeFromDescription().AddEndpointFilter<AntiforgeryFilter>();
        AssetScreen.Map(pages);
        SignInScreen.Map(pages, forms);
        OrganizationScreen.Map(pages, forms);
        RepositoryScreen.Map(pages, forms);
        BranchMappingScreen.Map(pages, forms);
        EnvironmentScreen.Map(pages);
        DeploymentScreen.Map(pages);
        GitHubAppScreen.Map(pages, forms);
        return app;
    }

    private static void AddCommon(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var protection = services.AddDataProtection().SetApplicationName("ocore-dashboard");
        if (builder.Configuration[$"{DashboardOptions.Section}:{nameof(DashboardOptions.KeysSecret)}"] is { Length: > 0 })
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(keyManagement =>
            {
                var settings = provider.GetRequiredService<IOptions<DashboardOptions>>().Value;
                keyManagement.XmlRepository = new SecretKeyRing(provider.GetRequiredService<IKubernetes>(), settings.KeysSecret!, settings.KeysNamespace);
            }));
        }
        else if (builder.Configuration[$"{DashboardOptions.Section}:{nameof(DashboardOptions.KeysDirectory)}"] is { Length: > 0 } keys)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        services.AddAntiforgery(options =>
        {
            options.FormFieldName = "__csrf";
            options.Cookie.Name = "ocore-dashboard-csrf";
            options.Cookie.Path = DashboardPaths.Root;
            // Always would make antiforgery throw on plain-http requests (ocore dev, or TLS ended at an Ingress without
            // forwarded headers). This cookie is no credential: alone it grants nothing; the session cookie is always Secure.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<RepositoryForms>();
    }
}
