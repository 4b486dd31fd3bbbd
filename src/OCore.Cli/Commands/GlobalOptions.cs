using System.CommandLine;

namespace OCore.Cli.Commands;

/// <summary>The options every cluster command takes, declared on each command group and inherited by its subcommands.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Kubeconfig = new("--kubeconfig")
    {
        Description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)",
        Recursive = true,
    };

    public static readonly Option<string?> Context = new("--context")
    {
        Description = "The kubeconfig context to use (default: its current context)",
        Recursive = true,
    };

    public static readonly Option<string?> Namespace = new("--namespace", "-n")
    {
        Description = "The namespace (oCore organization); default: the context's namespace, else \"default\"",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table for people, json or yaml for scripts",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static Command AddTo(Command group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var option in new Option[] { Kubeconfig, Context, Namespace, Output })
            group.Options.Add(option);
        return group;
    }
}
