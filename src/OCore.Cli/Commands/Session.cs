using System.CommandLine;
using OCore.Management;
using k8s;

namespace OCore.Cli.Commands;

/// <summary>One command's connection and output: the cluster client for the chosen namespace and where to print.</summary>
public sealed class Session : IDisposable
{
    private readonly Kubernetes _client;

    private Session(Kubernetes client, string @namespace, string server, string? bearerToken, ParseResult result)
    {
        _client = client;
        BearerToken = bearerToken;
        Namespace = @namespace;
        Server = server;
        Resources = new OcoreResources(client, @namespace);
        Output = result.InvocationConfiguration.Output;
        Format = result.GetValue(GlobalOptions.Output);
    }

    public string Namespace { get; }

    public string Server { get; }

    public OcoreResources Resources { get; }

    /// <summary>The kubeconfig user's bearer token, which oCore's REST API passes on to Kubernetes; null for other credentials.</summary>
    public string? BearerToken { get; }

    /// <summary>The kubeconfig's client, for what is not an oCore resource (the dashboard's own Kubernetes calls).</summary>
    public IKubernetes Client => _client;

    public TextWriter Output { get; }

    public OutputFormat Format { get; }

    public ResourcePrinter Printer => new(Output, Format);

    public static Session Open(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var path = result.GetValue(GlobalOptions.Kubeconfig) ?? DefaultKubeconfigPath();
        if (!File.Exists(path))
            throw new CliException(ExitCodes.Usage, $"no kubeconfig at {path}: pass --kubeconfig FILE or set KUBECONFIG");
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, result.GetValue(GlobalOptions.Context));
        var @namespace = result.GetValue(GlobalOptions.Namespace) ?? config.Namespace ?? "default";
        return new Session(new Kubernetes(config), @namespace, config.Host, config.AccessToken, result);
    }

    public void Dispose() => _client.Dispose();

    private static string DefaultKubeconfigPath()
    {
        var fromEnvironment = System.Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fromEnvironment ?? KubernetesClientConfiguration.KubeConfigDefaultLocation;
    }
}
