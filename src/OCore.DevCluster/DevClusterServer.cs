using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OCore.DevCluster.Controllers;
using OCore.DevCluster.Crds;
using OCore.DevCluster.Faults;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Rbac;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Security;
using OCore.DevCluster.Storage;
using OCore.DevCluster.Watch;
using OCore.DevCluster.Workloads;

namespace OCore.DevCluster;

/// <summary>
/// A running DevCluster: a single-process Kubernetes API emulator on a loopback HTTPS port.
/// <example>
/// <code>
/// await using var cluster = await DevClusterServer.StartAsync(new DevClusterOptions());
/// var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(cluster.Kubeconfig)));
/// using var client = new Kubernetes(config);
/// </code>
/// </example>
/// </summary>
public sealed class DevClusterServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ControllerHost _controllers;
    private readonly ObjectStore _store;
    private readonly CertificateAuthority _ca;
    private readonly TokenAuthenticator _authenticator;

    private DevClusterServer(WebApplication app, ControllerHost controllers, ObjectStore store, CertificateAuthority ca, TokenAuthenticator authenticator,
        Uri baseUrl, string adminToken, string? kubeconfigPath, DevClusterFaults faults, DevClusterWorkloads workloads)
    {
        _app = app;
        _controllers = controllers;
        _store = store;
        _ca = ca;
        _authenticator = authenticator;
        BaseUrl = baseUrl;
        AdminToken = adminToken;
        KubeconfigPath = kubeconfigPath;
        Faults = faults;
        Workloads = workloads;
        Kubeconfig = KubeconfigFor(adminToken);
    }

    /// <summary>The server URL, e.g. https://127.0.0.1:41234.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Bearer token of the admin user (group system:masters).</summary>
    public string AdminToken { get; }

    /// <summary>PEM of the CA that signed the serving certificate.</summary>
    public string CaCertificatePem => _ca.CertificatePem;

    /// <summary>A kubeconfig (YAML) for the admin user.</summary>
    public string Kubeconfig { get; }

    /// <summary>Where the admin kubeconfig was written, if a path was given.</summary>
    public string? KubeconfigPath { get; }

    /// <summary>Fault injection: failing/delayed requests, dropped watches, compacted history.</summary>
    public DevClusterFaults Faults { get; }

    /// <summary>Knobs of the simulated pods, Jobs and Deployments.</summary>
    public DevClusterWorkloads Workloads { get; }

    /// <summary>Starts DevCluster and returns once it serves requests (and the kubeconfig, if requested, is written).</summary>
    public static async Task<DevClusterServer> StartAsync(DevClusterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DataDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        var clock = TimeProvider.System;
        var store = new ObjectStore(clock, options.WatchHistoryWindow, options.DataDirectory);
        var registry = new ResourceRegistry();
        var operations = new ResourceOperations(store, registry, clock);
        ServeStoredCrds(store, registry);
        Bootstrap(operations);

        var adminToken = options.AdminToken ?? Persistent(options.DataDirectory, "admin.token", () => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
        var signingKey = Convert.FromHexString(Persistent(options.DataDirectory, "serviceaccount.key", () => Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
        var authenticator = new TokenAuthenticator(adminToken, options.TokenFile, signingKey, store);
        var authorizer = new RbacAuthorizer(store);
        var faults = new DevClusterFaults(store);
        var workloads = new DevClusterWorkloads();
        var ca = CertificateAuthority.Create(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(ca.ServingCertificate);
            });
        });
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DevCluster");
        var handler = new ApiHandler(operations, authenticator, new AccessControl(authenticator, authorizer), new EscalationCheck(authorizer, store), new AccessReviews(authorizer, authenticator),
            new WatchStreamer(store, options.BookmarkInterval), faults, workloads, logger);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var events = new EventRecorder(operations);
        var controllers = new ControllerHost(store,
        [
            new GarbageCollector(operations),
            new NamespaceController(operations),
            new CrdCleanupController(operations),
            new ClusterRoleAggregator(operations),
            new DeploymentController(operations, events),
            new ReplicaSetController(operations, events),
            new JobController(operations, events),
            new PodSimulator(operations, workloads, events),
            new VolumeBinder(operations),
        ], clock, logger);

        var server = new DevClusterServer(app, controllers, store, ca, authenticator, new Uri($"https://127.0.0.1:{port}"), adminToken,
            options.KubeconfigPath, faults, workloads);
        if (options.KubeconfigPath is { } path)
        {
            Security.Kubeconfig.Write(path, server.Kubeconfig);
        }
        logger.LogInformation("DevCluster serving on {Url}", server.BaseUrl);
        return server;
    }

    /// <summary>A kubeconfig for DevCluster that authenticates with <paramref name="token"/>.</summary>
    public string KubeconfigFor(string token) => Security.Kubeconfig.Render(BaseUrl.ToString().TrimEnd('/'), CaCertificatePem, token);

    /// <summary>
    /// A bearer token for an existing ServiceAccount (what TokenRequest on serviceaccounts/{name}/token returns);
    /// it authenticates as system:serviceaccount:{namespace}:{name} while that ServiceAccount exists.
    /// </summary>
    public string IssueServiceAccountToken(string ns, string name)
    {
        var serviceAccount = _store.Get("serviceaccounts", ns, name) ?? throw new InvalidOperationException($"serviceaccount {ns}/{name} not found");
        return _authenticator.IssueServiceAccountToken(ns, name, serviceAccount.Uid());
    }

    /// <summary>Adds a static bearer token for a user with the given groups (authorization is still RBAC's).</summary>
    public void AddUserToken(string token, string user, params string[] groups) =>
        _authenticator.AddToken(token, new UserInfo(user, user, [.. groups, "system:authenticated"]));

    /// <summary>Stops serving, stops the simulated controllers and closes the journal.</summary>
    public async ValueTask DisposeAsync()
    {
        _store.DropWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _controllers.DisposeAsync();
        _store.Dispose();
        _ca.Dispose();
    }

    private static void ServeStoredCrds(ObjectStore store, ResourceRegistry registry)
    {
        var crdType = registry.FindByGroupResource(ResourceOperations.CrdResource)!;
        foreach (var crd in store.List(ResourceOperations.CrdResource, null))
        {
            registry.ServeCrd(crd.Name(), CrdRegistration.Compile(crdType, crd));
        }
    }

    private static void Bootstrap(ResourceOperations operations)
    {
        foreach (var (plural, group, obj) in BootstrapObjects.All())
        {
            var type = operations.Registry.Find(group, "v1", plural)!;
            if (operations.Store.Get(type.GroupResource, "", obj.Name()) is null)
            {
                operations.Create(type, "", obj, WriteOptions.System("devcluster-bootstrap"));
            }
        }
    }

    private static string Persistent(string? dataDirectory, string file, Func<string> create)
    {
        if (dataDirectory is null)
        {
            return create();
        }
        var path = Path.Combine(dataDirectory, file);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        var value = create();
        File.WriteAllText(path, value);
        return value;
    }
}
