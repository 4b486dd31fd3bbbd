using System.Text.Json.Nodes;
using KubeTools = OCore.Testing.KubeTools;

namespace OCore.DevCluster.Tests.Cli;

/// <summary>The real kubectl (from .tools/bin) against DevCluster, unchanged.</summary>
public sealed class KubectlTests(KubectlFixture fixture) : IClassFixture<KubectlFixture>
{
    private readonly KubeTools _cli = fixture.Cli;

    [Fact]
    public async Task Client_side_apply_creates_then_patches_with_last_applied_configuration()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("csa");
        var file = _cli.WriteFile($"{ns}/cm.yaml", ConfigMap("settings", "one"));
        Assert.Contains("configmap/settings created", (await _cli.KubectlAsync("apply", "-n", ns, "-f", file)).Ok().Stdout, StringComparison.Ordinal);
        _cli.WriteFile($"{ns}/cm.yaml", ConfigMap("settings", "two"));
        Assert.Contains("configmap/settings configured", (await _cli.KubectlAsync("apply", "-n", ns, "-f", file)).Ok().Stdout, StringComparison.Ordinal);
        var json = JsonNode.Parse((await _cli.KubectlAsync("get", "configmap", "settings", "-n", ns, "-o", "json")).Ok().Stdout)!;
        Assert.Equal("two", json["data"]!["value"]!.GetValue<string>());
        Assert.NotNull(json["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Fact]
    public async Task Server_side_apply_creates_and_updates()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("ssa");
        var file = _cli.WriteFile($"{ns}/deploy.yaml", Deployment("web", "nginx:1.27", 2));
        Assert.Contains("serverside-applied", (await _cli.KubectlAsync("apply", "--server-side", "-n", ns, "-f", file)).Ok().Stdout, StringComparison.Ordinal);
        _cli.WriteFile($"{ns}/deploy.yaml", Deployment("web", "nginx:1.28", 2));
        (await _cli.KubectlAsync("apply", "--server-side", "-n", ns, "-f", file)).Ok();
        var image = (await _cli.KubectlAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Ok().Stdout;
        Assert.Equal("nginx:1.28", image);
        var managers = (await _cli.KubectlAsync("get", "deploy", "web", "-n", ns, "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}")).Ok().Stdout;
        Assert.Contains("kubectl", managers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_status_get_wide_describe_and_wait_for_ready_pods()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("rollout");
        var file = _cli.WriteFile($"{ns}/deploy.yaml", Deployment("web", "nginx:1.27", 2));
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", file)).Ok();
        Assert.Contains("successfully rolled out", (await _cli.KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=30s")).Ok().Stdout, StringComparison.Ordinal);

        var wide = (await _cli.KubectlAsync("get", "deploy", "-n", ns, "-o", "wide")).Ok().Stdout;
        Assert.Matches(@"NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR", wide);
        Assert.Matches(@"web\s+2/2\s+2\s+2\s+\S+\s+web\s+nginx:1.27\s+app=web", wide);

        (await _cli.KubectlAsync("wait", "--for=condition=Ready", "pod", "-l", "app=web", "-n", ns, "--timeout=30s")).Ok();
        var describe = (await _cli.KubectlAsync("describe", "deployment", "web", "-n", ns)).Ok().Stdout;
        Assert.Contains("Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable", describe, StringComparison.Ordinal);
        Assert.Contains("NewReplicaSetAvailable", describe, StringComparison.Ordinal);
        Assert.Matches(@"Normal\s+ScalingReplicaSet\s+.*Scaled up replica set web-\w+ from 0 to 2", describe);
        var pods = (await _cli.KubectlAsync("describe", "pods", "-n", ns)).Ok().Stdout;
        Assert.Contains("Status:           Running", pods, StringComparison.Ordinal);
        Assert.Matches(@"Normal\s+Started\s+.*Started container web", pods);

        (await _cli.KubectlAsync("scale", "deployment/web", "-n", ns, "--replicas=3")).Ok();
        (await _cli.KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=30s")).Ok();
        Assert.Equal("3", (await _cli.KubectlAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.status.availableReplicas}")).Ok().Stdout);
    }

    [Fact]
    public async Task Rollout_undo_returns_to_the_previous_ReplicaSet()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("undo");
        var file = _cli.WriteFile($"{ns}/deploy.yaml", Deployment("web", "nginx:1.27", 1));
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", file)).Ok();
        (await _cli.KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=30s")).Ok();
        _cli.WriteFile($"{ns}/deploy.yaml", Deployment("web", "nginx:1.28", 1));
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", file)).Ok();
        (await _cli.KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=30s")).Ok();
        Assert.Matches(@"1\s+<none>\s+2\s+<none>", (await _cli.KubectlAsync("rollout", "history", "deployment/web", "-n", ns)).Ok().Stdout);

        (await _cli.KubectlAsync("rollout", "undo", "deployment/web", "-n", ns)).Ok();
        (await _cli.KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=30s")).Ok();
        Assert.Equal("nginx:1.27", (await _cli.KubectlAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Ok().Stdout);
        var sets = (await _cli.KubectlAsync("get", "rs", "-n", ns, "-o", "name")).Ok().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, sets.Length);
        Assert.Equal("3", (await _cli.KubectlAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}")).Ok().Stdout);
    }

    [Fact]
    public async Task Get_by_category_yaml_and_json_output()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("cat");
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", _cli.WriteFile($"{ns}/deploy.yaml", Deployment("api", "nginx:1.27", 1)))).Ok();
        (await _cli.KubectlAsync("rollout", "status", "deployment/api", "-n", ns, "--timeout=30s")).Ok();
        var all = (await _cli.KubectlAsync("get", "all", "-n", ns)).Ok().Stdout;
        Assert.Contains("deployment.apps/api", all, StringComparison.Ordinal);
        Assert.Contains("replicaset.apps/api-", all, StringComparison.Ordinal);
        Assert.Contains("pod/api-", all, StringComparison.Ordinal);
        var yaml = (await _cli.KubectlAsync("get", "deploy", "api", "-n", ns, "-o", "yaml")).Ok().Stdout;
        Assert.Contains("kind: Deployment", yaml, StringComparison.Ordinal);
        Assert.Contains("observedGeneration: 1", yaml, StringComparison.Ordinal);
        var json = JsonNode.Parse((await _cli.KubectlAsync("get", "pods", "-n", ns, "-o", "json")).Ok().Stdout)!;
        Assert.Equal("List", json["kind"]!.GetValue<string>());
        Assert.Single(json["items"]!.AsArray());
    }

    [Fact]
    public async Task Label_and_annotate_edit_metadata()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("meta");
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", _cli.WriteFile($"{ns}/cm.yaml", ConfigMap("c", "x")))).Ok();
        (await _cli.KubectlAsync("label", "configmap", "c", "-n", ns, "team=blue")).Ok();
        (await _cli.KubectlAsync("annotate", "configmap", "c", "-n", ns, "owner=alice")).Ok();
        var shown = (await _cli.KubectlAsync("get", "configmap", "-n", ns, "-l", "team=blue", "-o", "jsonpath={.items[0].metadata.annotations.owner}")).Ok().Stdout;
        Assert.Equal("alice", shown);
        (await _cli.KubectlAsync("label", "configmap", "c", "-n", ns, "team-")).Ok();
        var none = (await _cli.KubectlAsync("get", "configmap", "-n", ns, "-l", "team=blue", "-o", "name")).Ok().Stdout;
        Assert.Equal("", none.Trim());
    }

    [Fact]
    public async Task Delete_waits_for_finalizers_to_be_removed()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("delfin");
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", _cli.WriteFile($"{ns}/cm.yaml", ConfigMap("held", "x", "example.com/hold")))).Ok();
        (await _cli.KubectlAsync("delete", "configmap", "held", "-n", ns, "--wait=false")).Ok();
        var timestamp = (await _cli.KubectlAsync("get", "configmap", "held", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}")).Ok().Stdout;
        Assert.NotEqual("", timestamp);
        var waiting = _cli.KubectlAsync("delete", "configmap", "held", "-n", ns, "--timeout=30s");
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        (await _cli.KubectlAsync("patch", "configmap", "held", "-n", ns, "--type=merge", "-p", """{"metadata":{"finalizers":null}}""")).Ok();
        (await waiting).Ok();
        (await _cli.KubectlAsync("get", "configmap", "held", "-n", ns)).Fails();
    }

    [Fact]
    public async Task Auth_can_i_gives_real_answers_including_impersonation()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("cani");
        Assert.Equal("yes", (await _cli.KubectlAsync("auth", "can-i", "delete", "pods", "-n", ns)).Ok().Stdout.Trim());
        var denied = await _cli.KubectlAsync("auth", "can-i", "delete", "pods", "-n", ns, "--as", "dave");
        Assert.Equal("no", denied.Stdout.Trim());
        (await _cli.KubectlAsync("create", "role", "pod-deleter", "-n", ns, "--verb=delete", "--resource=pods")).Ok();
        (await _cli.KubectlAsync("create", "rolebinding", "dave-deletes", "-n", ns, "--role=pod-deleter", "--user=dave")).Ok();
        Assert.Equal("yes", (await _cli.KubectlAsync("auth", "can-i", "delete", "pods", "-n", ns, "--as", "dave")).Ok().Stdout.Trim());
        var forbidden = await _cli.KubectlAsync("get", "secrets", "-n", ns, "--as", "dave");
        Assert.Contains("Forbidden", forbidden.Fails().Stderr, StringComparison.Ordinal);
        var list = (await _cli.KubectlAsync("auth", "can-i", "--list", "-n", ns, "--as", "dave")).Ok().Stdout;
        Assert.Matches(@"pods\s+\[\]\s+\[\]\s+\[delete\]", list);
    }

    [Fact]
    public async Task Create_token_for_a_service_account()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("token");
        (await _cli.KubectlAsync("create", "serviceaccount", "bot", "-n", ns)).Ok();
        var token = (await _cli.KubectlAsync("create", "token", "bot", "-n", ns)).Ok().Stdout.Trim();
        var whoami = (await _cli.KubectlAsync("auth", "whoami", "--token", token, "-o", "jsonpath={.status.userInfo.username}")).Ok().Stdout;
        Assert.Equal($"system:serviceaccount:{ns}:bot", whoami);
    }

    [Fact]
    public async Task Api_resources_lists_short_names_and_crds()
    {
        var output = (await _cli.KubectlAsync("api-resources")).Ok().Stdout;
        Assert.Matches(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment", output);
        Assert.Matches(@"namespaces\s+ns\s+v1\s+false\s+Namespace", output);
    }

    [Fact]
    public async Task Crd_flow_wait_get_with_printer_columns_and_explain()
    {
        var crd = _cli.WriteFile("crd/gadgets.yaml", GadgetCrd);
        (await _cli.KubectlAsync("apply", "-f", crd)).Ok();
        (await _cli.KubectlAsync("wait", "--for=condition=Established", "crd/gadgets.example.org", "--timeout=30s")).Ok();
        var ns = await fixture.Cluster.NewNamespaceAsync("gadget");
        (await _cli.KubectlAsync("apply", "-n", ns, "-f", _cli.WriteFile($"{ns}/g.yaml", "apiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: g1\nspec:\n  size: 3\n"))).Ok();
        var table = (await _cli.KubectlAsync("get", "gadgets", "-n", ns, "-o", "wide")).Ok().Stdout;
        Assert.Matches(@"NAME\s+SIZE\s+MODE\s+AGE", table);
        Assert.Matches(@"g1\s+3\s+fast\s+\d+s", table);
        var category = (await _cli.KubectlAsync("get", "toys", "-n", ns)).Ok().Stdout;
        Assert.Contains("g1", category, StringComparison.Ordinal);
        var explain = (await _cli.KubectlAsync("explain", "gadget.spec")).Ok().Stdout;
        Assert.Contains("size\t<integer>", explain, StringComparison.Ordinal);
        Assert.Contains("How big the gadget is.", explain, StringComparison.Ordinal);
        var invalid = await _cli.KubectlAsync("apply", "-n", ns, "-f", _cli.WriteFile($"{ns}/bad.yaml", "apiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: g2\nspec:\n  size: -1\n"));
        Assert.Contains("spec.size", invalid.Fails().Stderr, StringComparison.Ordinal);
    }

    private const string GadgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.org
        spec:
          group: example.org
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, categories: [toys]}
          versions:
          - name: v1
            served: true
            storage: true
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            - {name: Mode, type: string, jsonPath: .spec.mode, priority: 1}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: Desired gadget.
                    properties:
                      size: {type: integer, minimum: 0, description: How big the gadget is.}
                      mode: {type: string, default: fast}
        """;

    private static string ConfigMap(string name, string value, string? finalizer = null) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n" + (finalizer is null ? "" : $"  finalizers: [{finalizer}]\n") + $"data:\n  value: {value}\n";

    private static string Deployment(string name, string image, int replicas) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
        spec:
          replicas: {replicas}
          selector:
            matchLabels: {"{"}app: {name}{"}"}
          template:
            metadata:
              labels: {"{"}app: {name}{"}"}
            spec:
              containers:
              - name: {name}
                image: {image}
                ports:
                - containerPort: 80
        """;
}
