using OCore.Testing;

namespace OCore.Chart.Tests.Support;

/// <summary>The chart's ServiceAccounts and RBAC for release "ocore" in namespace "ocore", applied with kubectl, and tokens for them.</summary>
public static class ChartRbac
{
    public const string Namespace = "ocore";

    /// <summary>Renders the RBAC templates, lets <paramref name="change"/> edit the YAML (to drop a rule), and applies it.</summary>
    public static async Task ApplyAsync(KubeTools tools, Func<string, string>? change = null)
    {
        var rendered = (await tools.HelmAsync("template", "ocore", ChartDirectory.Path, "--namespace", Namespace, "--set", $"publicUrl={ServiceHosts.PublicUrl}",
            "--show-only", "templates/serviceaccounts.yaml", "--show-only", "templates/operator-rbac.yaml", "--show-only", "templates/receiver-rbac.yaml")).Ok().Stdout;
        (await tools.KubectlStdinAsync(change?.Invoke(rendered) ?? rendered, "apply", "-n", Namespace, "-f", "-")).Ok();
    }

    /// <summary>A kubeconfig file that authenticates as the chart's ServiceAccount <paramref name="name"/>.</summary>
    public static string KubeconfigFor(TestCluster cluster, KubeTools tools, string name) =>
        tools.WriteFile($"{name}.kubeconfig", cluster.Server.KubeconfigFor(cluster.Server.IssueServiceAccountToken(Namespace, name)));

    /// <summary>The YAML without one rule; fails when the rule is not in it (so a renamed rule cannot make a test pass).</summary>
    public static string WithoutRule(string yaml, string rule)
    {
        Assert.Contains(rule, yaml, StringComparison.Ordinal);
        return yaml.Replace(rule, "", StringComparison.Ordinal);
    }
}
