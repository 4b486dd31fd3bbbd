using OCore.Chart.Tests.Support;
using OCore.DevCluster;
using OCore.Testing;

namespace OCore.Chart.Tests;

/// <summary>The real helm installing, upgrading and uninstalling charts/ocore on DevCluster (which starts without oCore's CRDs).</summary>
public sealed class HelmInstallTests : IAsyncLifetime
{
    private DevClusterServer _cluster = null!;
    private KubeTools _tools = null!;

    public async Task InitializeAsync()
    {
        _cluster = await DevClusterServer.StartAsync(new DevClusterOptions());
        _tools = new KubeTools(_cluster.Kubeconfig);
        (await _tools.KubectlAsync("create", "namespace", "ocore")).Ok();
    }

    public async Task DisposeAsync()
    {
        _tools.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Install_upgrade_and_uninstall_with_the_crds_from_the_chart()
    {
        var install = (await _tools.HelmAsync("install", "ocore", ChartDirectory.Path, "-n", "ocore", "--set", "publicUrl=https://hooks.acme.example",
            "--wait", "--timeout", "90s")).Ok();
        Assert.Contains("STATUS: deployed", install.Stdout, StringComparison.Ordinal);
        Assert.Contains("https://hooks.acme.example/api/webhooks/<provider>/<projectId>", install.Stdout, StringComparison.Ordinal);
        Assert.Contains("kubectl -n acme describe project odoo-custom", install.Stdout, StringComparison.Ordinal);
        foreach (var crd in new[] { "projects", "environments", "branchmappings", "deployments", "githubinstallations" })
            (await _tools.KubectlAsync("wait", "--for=condition=Established", $"crd/{crd}.ocore.io", "--timeout=10s")).Ok();
        Assert.Equal("2/2", await ReadyAsync("ocore-operator"));
        Assert.Equal("2/2", await ReadyAsync("ocore-receiver"));
        Assert.Equal("1", (await _tools.KubectlAsync("get", "pdb", "ocore-receiver", "-n", "ocore", "-o", "jsonpath={.spec.minAvailable}")).Ok().Stdout);
        (await _tools.KubectlAsync("get", "service/ocore-receiver", "serviceaccount/ocore-operator", "role/ocore-operator-leader-election", "-n", "ocore")).Ok();

        (await _tools.HelmAsync("upgrade", "ocore", ChartDirectory.Path, "-n", "ocore", "--set", "publicUrl=https://hooks.acme.example",
            "--set", "operator.replicas=3", "--set", "receiver.ingress.enabled=true", "--set", "githubApp.secretName=ocore-github-app", "--wait", "--timeout", "90s")).Ok();
        Assert.Equal("3/3", await ReadyAsync("ocore-operator"));
        Assert.Equal("hooks.acme.example", (await _tools.KubectlAsync("get", "ingress", "ocore-receiver", "-n", "ocore", "-o", "jsonpath={.spec.rules[0].host}")).Ok().Stdout);
        (await _tools.KubectlAsync("get", "role/ocore-receiver-github-app", "-n", "ocore")).Ok();

        (await _tools.HelmAsync("uninstall", "ocore", "-n", "ocore", "--wait", "--timeout", "60s")).Ok();
        Assert.Equal("", (await _tools.KubectlAsync("get", "deploy,svc,sa,role,rolebinding,pdb,ingress", "-n", "ocore", "-l", "app.kubernetes.io/instance=ocore", "-o", "name")).Ok().Stdout.Trim());
        Assert.Equal("", (await _tools.KubectlAsync("get", "clusterrole,clusterrolebinding", "-l", "app.kubernetes.io/instance=ocore", "-o", "name")).Ok().Stdout.Trim());
        // Helm never deletes CRDs: the organizations' resources survive an uninstall.
        (await _tools.KubectlAsync("get", "crd", "projects.ocore.io")).Ok();
    }

    [Fact]
    public async Task An_install_with_a_bad_value_fails_naming_the_field_and_installs_nothing()
    {
        var failed = (await _tools.HelmAsync("install", "ocore", ChartDirectory.Path, "-n", "ocore", "--set", "publicUrl=hooks.acme.example")).Fails();
        Assert.Contains("/publicUrl", failed.Stderr, StringComparison.Ordinal);
        Assert.Equal("", (await _tools.HelmAsync("list", "-n", "ocore", "-q")).Ok().Stdout.Trim());
        Assert.Equal("", (await _tools.KubectlAsync("get", "deploy", "-n", "ocore", "-o", "name")).Ok().Stdout.Trim());
    }

    private async Task<string> ReadyAsync(string deployment) =>
        (await _tools.KubectlAsync("get", "deploy", deployment, "-n", "ocore", "-o", "jsonpath={.status.readyReplicas}/{.spec.replicas}")).Ok().Stdout;
}
