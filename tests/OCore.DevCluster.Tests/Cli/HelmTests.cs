using System.Text.Json.Nodes;
using KubeTools = OCore.Testing.KubeTools;

namespace OCore.DevCluster.Tests.Cli;

/// <summary>The real helm v4 (server-side apply by default) installing, upgrading, rolling back and uninstalling a chart.</summary>
public sealed class HelmTests(KubectlFixture fixture) : IClassFixture<KubectlFixture>
{
    private readonly KubeTools _cli = fixture.Cli;

    [Fact]
    public async Task Install_upgrade_failed_upgrade_rollback_and_uninstall()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync("helm");
        fixture.Cluster.Server.Workloads.FailImagePull("nginx:does-not-exist");
        var chart = WriteChart();

        var install = (await _cli.HelmAsync("install", "demo", chart, "-n", ns, "--wait", "--timeout", "60s")).Ok();
        Assert.Contains("STATUS: deployed", install.Stdout, StringComparison.Ordinal);
        (await _cli.KubectlAsync("wait", "--for=condition=Established", "crd/gizmos.example.net", "--timeout=10s")).Ok();
        Assert.Equal("2/2", (await _cli.KubectlAsync("get", "deploy", "demo-web", "-n", ns, "-o", "jsonpath={.status.readyReplicas}/{.status.replicas}")).Ok().Stdout);
        Assert.Equal("yes", (await _cli.KubectlAsync("auth", "can-i", "list", "configmaps", "-n", ns, "--as", $"system:serviceaccount:{ns}:demo-sa")).Ok().Stdout.Trim());
        Assert.Equal("3", (await _cli.KubectlAsync("get", "gizmo", "demo-gizmo", "-n", ns, "-o", "jsonpath={.spec.size}")).Ok().Stdout);

        (await _cli.HelmAsync("upgrade", "demo", chart, "-n", ns, "--set", "replicas=3", "--wait", "--timeout", "60s")).Ok();
        Assert.Equal("3", (await _cli.KubectlAsync("get", "deploy", "demo-web", "-n", ns, "-o", "jsonpath={.status.availableReplicas}")).Ok().Stdout);

        var failed = await _cli.HelmAsync("upgrade", "demo", chart, "-n", ns, "--set", "replicas=3", "--set", "image=nginx:does-not-exist", "--wait", "--timeout", "5s");
        failed.Fails();
        Assert.Equal("failed", await ReleaseStatus(ns));

        (await _cli.HelmAsync("rollback", "demo", "2", "-n", ns, "--wait", "--timeout", "60s")).Ok();
        Assert.Equal("deployed", await ReleaseStatus(ns));
        Assert.Contains("successfully rolled out", (await _cli.KubectlAsync("rollout", "status", "deployment/demo-web", "-n", ns, "--timeout=30s")).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("nginx:1.27", (await _cli.KubectlAsync("get", "deploy", "demo-web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Ok().Stdout);
        var history = (await _cli.HelmAsync("history", "demo", "-n", ns)).Ok().Stdout;
        Assert.Contains("Rollback to 2", history, StringComparison.Ordinal);

        (await _cli.HelmAsync("uninstall", "demo", "-n", ns, "--wait", "--timeout", "60s")).Ok();
        Assert.Equal("", (await _cli.KubectlAsync("get", "deploy,sa,role,rolebinding,configmap,gizmo", "-n", ns, "-l", "app.kubernetes.io/instance=demo", "-o", "name")).Ok().Stdout.Trim());
        var left = JsonNode.Parse((await _cli.KubectlAsync("get", "secrets", "-n", ns, "-l", "owner=helm", "-o", "json")).Ok().Stdout)!;
        Assert.Empty(left["items"]!.AsArray());
        (await _cli.KubectlAsync("get", "crd", "gizmos.example.net")).Ok();
    }

    private async Task<string> ReleaseStatus(string ns)
    {
        var status = JsonNode.Parse((await _cli.HelmAsync("status", "demo", "-n", ns, "-o", "json")).Ok().Stdout)!;
        return status["info"]!["status"]!.GetValue<string>();
    }

    private string WriteChart()
    {
        _cli.WriteFile("chart/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
        _cli.WriteFile("chart/values.yaml", "image: nginx:1.27\nreplicas: 2\n");
        _cli.WriteFile("chart/crds/gizmos.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gizmos.example.net
            spec:
              group: example.net
              scope: Namespaced
              names: {plural: gizmos, singular: gizmo, kind: Gizmo}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size: {type: integer}
            """);
        _cli.WriteFile("chart/templates/_labels.tpl", "{{- define \"demo.labels\" -}}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end -}}\n");
        _cli.WriteFile("chart/templates/rbac.yaml", """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: {{ .Release.Name }}-sa
              labels: {{- include "demo.labels" . | nindent 4 }}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: {{ .Release.Name }}-role
              labels: {{- include "demo.labels" . | nindent 4 }}
            rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [get, list, watch]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: {{ .Release.Name }}-rb
              labels: {{- include "demo.labels" . | nindent 4 }}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: {{ .Release.Name }}-role}
            subjects:
            - kind: ServiceAccount
              name: {{ .Release.Name }}-sa
              namespace: {{ .Release.Namespace }}
            """);
        _cli.WriteFile("chart/templates/app.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-config
              labels: {{- include "demo.labels" . | nindent 4 }}
            data:
              image: {{ .Values.image | quote }}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-web
              labels: {{- include "demo.labels" . | nindent 4 }}
            spec:
              replicas: {{ .Values.replicas }}
              progressDeadlineSeconds: 2
              selector:
                matchLabels: {app: {{ .Release.Name }}-web}
              template:
                metadata:
                  labels: {app: {{ .Release.Name }}-web}
                spec:
                  serviceAccountName: {{ .Release.Name }}-sa
                  containers:
                  - name: web
                    image: {{ .Values.image }}
                    ports:
                    - containerPort: 80
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ .Release.Name }}-svc
              labels: {{- include "demo.labels" . | nindent 4 }}
            spec:
              selector: {app: {{ .Release.Name }}-web}
              ports:
              - port: 80
            ---
            apiVersion: example.net/v1
            kind: Gizmo
            metadata:
              name: {{ .Release.Name }}-gizmo
              labels: {{- include "demo.labels" . | nindent 4 }}
            spec:
              size: 3
            """);
        return Path.Combine(_cli.WorkDirectory, "chart");
    }
}
