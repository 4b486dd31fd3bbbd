using OCore.Chart.Tests.Support;
using OCore.Testing;

namespace OCore.Chart.Tests;

/// <summary>helm lint and helm template of charts/ocore: what is rendered, and which values the schema refuses.</summary>
public sealed class ChartRenderTests : IDisposable
{
    private const string PublicUrl = "https://ocore.example.com";
    private readonly KubeTools _tools = new();

    public void Dispose() => _tools.Dispose();

    [Fact]
    public async Task Lint_passes_also_strict()
    {
        (await _tools.HelmAsync("lint", ChartDirectory.Path, "--set", $"publicUrl={PublicUrl}")).Ok();
        var strict = (await _tools.HelmAsync("lint", ChartDirectory.Path, "--strict", "--set", $"publicUrl={PublicUrl}")).Ok();
        Assert.Contains("0 chart(s) failed", strict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_render_both_services_restricted_with_probes_and_leader_election()
    {
        var chart = await RenderAsync("--set", $"publicUrl={PublicUrl}");

        var operatorDeployment = chart.Get("Deployment", "ocore-operator");
        Assert.Equal(2L, (long)operatorDeployment["spec"]!["replicas"]!);
        Assert.Equal("true", Rendered.Env(operatorDeployment, "Operator__LeaderElection__Enabled"));
        Assert.Equal("ocore-operator", Rendered.Env(operatorDeployment, "Operator__LeaderElection__LeaseName"));
        Assert.Equal(PublicUrl, Rendered.Env(operatorDeployment, "Operator__PublicReceiverUrl"));
        Assert.Null(Rendered.Env(operatorDeployment, "Operator__GitHubApp__SecretName"));
        // The operator's /tmp holds the commit cache: bounded, so the kubelet evicts before the node's disk fills.
        Assert.Equal("2Gi", (string?)operatorDeployment["spec"]!["template"]!["spec"]!["volumes"]![0]!["emptyDir"]!["sizeLimit"]);
        var receiverDeployment = chart.Get("Deployment", "ocore-receiver");
        Assert.Equal(2L, (long)receiverDeployment["spec"]!["replicas"]!);
        Assert.Equal(1L, (long)chart.Get("PodDisruptionBudget", "ocore-receiver")["spec"]!["minAvailable"]!);
        chart.Get("Service", "ocore-receiver");

        foreach (var deployment in new[] { operatorDeployment, receiverDeployment })
        {
            var pod = deployment["spec"]!["template"]!["spec"]!;
            Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
            var container = pod["containers"]![0]!;
            Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
            Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
            Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
            Assert.Equal("/tmp", (string?)container["volumeMounts"]![0]!["mountPath"]);
            Assert.NotNull(pod["volumes"]![0]!["emptyDir"]);
            Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
            Assert.NotNull(container["resources"]!["requests"]);
            Assert.Equal("ghcr.io/ocore/" + (deployment == operatorDeployment ? "ocore-operator" : "ocore-webhook-receiver") + ":0.1.0", (string?)container["image"]);
        }

        Assert.Empty(chart.OfKind("Ingress"));
        Assert.Empty(chart.OfKind("ServiceMonitor"));
        Assert.DoesNotContain(chart.OfKind("Role"), r => (string?)r["metadata"]!["name"] == "ocore-receiver-github-app");
        Assert.Equal(["ocore-manage-org-settings", "ocore-manage-projects", "ocore-operator", "ocore-receiver", "ocore-view-projects"],
            chart.OfKind("ClusterRole").Select(r => (string)r["metadata"]!["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Everything_enabled_renders_ingress_service_monitor_and_the_github_app_secret()
    {
        var values = _tools.WriteFile("all.yaml", """
            publicUrl: https://hooks.acme.example
            image: { registry: registry.acme.example/mirror, tag: "0.1.0-rc1", pullPolicy: Always }
            imagePullSecrets: [{ name: pull }]
            operator:
              replicas: 3
              image: { repository: ocore-operator }
              workers: 8
              pipelineImages: { git: mirror/git:2.47, builder: mirror/kaniko:1.23, defaultOdooRepository: mirror/odoo }
              extraEnv: [{ name: Operator__RolloutTimeout, value: "00:15:00" }]
            receiver:
              replicas: 2
              image: { repository: ocore-webhook-receiver }
              service: { type: ClusterIP, port: 80 }
              ingress: { enabled: true, className: nginx, annotations: { cert-manager.io/cluster-issuer: letsencrypt }, tlsSecretName: hooks-tls }
            githubApp: { secretName: ocore-github-app }
            userRoles: { enabled: true }
            metrics: { serviceMonitor: { enabled: true, interval: 15s, labels: { release: prometheus } } }
            """);
        var chart = await RenderAsync("-f", values);

        var operatorDeployment = chart.Get("Deployment", "ocore-operator");
        Assert.Equal(3L, (long)operatorDeployment["spec"]!["replicas"]!);
        Assert.Equal("ocore-github-app", Rendered.Env(operatorDeployment, "Operator__GitHubApp__SecretName"));
        Assert.Equal("ocore", Rendered.Env(operatorDeployment, "Operator__GitHubApp__SecretNamespace"));
        Assert.Equal("mirror/kaniko:1.23", Rendered.Env(operatorDeployment, "Operator__Images__Builder"));
        Assert.Equal("00:15:00", Rendered.Env(operatorDeployment, "Operator__RolloutTimeout"));
        Assert.Equal("registry.acme.example/mirror/ocore-operator:0.1.0-rc1", (string?)operatorDeployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("ocore-github-app", Rendered.Env(chart.Get("Deployment", "ocore-receiver"), "GitHubApp__SecretName"));
        Assert.Equal(["ocore-github-app"], chart.Get("Role", "ocore-receiver-github-app")["rules"]![0]!["resourceNames"]!.AsArray().Select(n => (string?)n));

        var ingress = chart.Get("Ingress", "ocore-receiver");
        Assert.Equal("hooks.acme.example", (string?)ingress["spec"]!["rules"]![0]!["host"]);
        Assert.Equal(["/api/webhooks", "/api/github-app", "/api/projects", "/api/settings", "/api/openapi", "/dashboard"],
            ingress["spec"]!["rules"]![0]!["http"]!["paths"]!.AsArray().Select(p => (string?)p!["path"]));
        var receiver = chart.Get("Deployment", "ocore-receiver");
        Assert.Equal("true", Rendered.Env(receiver, "ASPNETCORE_FORWARDEDHEADERS_ENABLED"));
        Assert.Equal("ocore-receiver-dashboard-keys", Rendered.Env(receiver, "Dashboard__KeysSecret"));
        Assert.Equal(["get", "patch"], chart.Get("Role", "ocore-receiver-dashboard-keys")["rules"]![0]!["verbs"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("hooks-tls", (string?)ingress["spec"]!["tls"]![0]!["secretName"]);
        var monitor = chart.Get("ServiceMonitor", "ocore");
        Assert.Equal("monitoring.coreos.com/v1", (string?)monitor["apiVersion"]);
        Assert.Equal("prometheus", (string?)monitor["metadata"]!["labels"]!["release"]);
        Assert.Equal("15s", (string?)monitor["spec"]!["endpoints"]![0]!["interval"]);
    }

    [Theory]
    [InlineData("publicUrl=", "/publicUrl")]
    [InlineData("publicUrl=ftp://ocore.example.com", "/publicUrl")]
    [InlineData("operator.replicas=two", "/operator/replicas")]
    [InlineData("operator.tmpSizeLimit=lots", "/operator/tmpSizeLimit")]
    [InlineData("receiver.service.port=0", "/receiver/service/port")]
    [InlineData("receiver.ingress.enabled=yes", "/receiver/ingress/enabled")]
    [InlineData("metrics.serviceMonitor.interval=often", "/metrics/serviceMonitor/interval")]
    [InlineData("operatr.replicas=2", "operatr")]
    public async Task The_schema_rejects_bad_values_naming_the_field(string setting, string field)
    {
        var result = (await _tools.HelmAsync("template", "ocore", ChartDirectory.Path, "--set", $"publicUrl={PublicUrl}", "--set", setting)).Fails();
        Assert.Contains(field, result.Stderr, StringComparison.Ordinal);
    }

    private async Task<Rendered> RenderAsync(params string[] args) =>
        new((await _tools.HelmAsync(["template", "ocore", ChartDirectory.Path, "--namespace", "ocore", .. args])).Ok().Stdout);
}
