using System.Text.Json.Nodes;
using OCore.Api.Tests.Support;

namespace OCore.Api.Tests.Crds;

/// <summary>Invalid resources are rejected, and the error names the field (what kubectl apply would show).</summary>
public sealed class InvalidResourceTests
{
    private const string Commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    public static TheoryData<string, string, string> Cases => new()
    {
        // kind, JSON of the spec, text the error must contain
        { "Project", """{"repository":{},"odoo":{"version":"18.0"}}""", "url" },
        { "Project", """{"repository":{"url":"not a url"},"odoo":{"version":"18.0"}}""", "spec.repository.url" },
        { "Project", """{"repository":{"url":"git@git.acme.example:acme/erp.git"},"odoo":{"version":"18.0"}}""", "spec.repository.provider: Invalid value: provider is required for a self-hosted" },
        { "Project", """{"repository":{"url":"git@github.com:acme/erp.git","provider":"svn"},"odoo":{"version":"18.0"}}""", "spec.repository.provider" },
        { "Project", """{"repository":{"url":"git@github.com:acme/erp.git","branch":"refs/heads/main"},"odoo":{"version":"18.0"}}""", "spec.repository.branch: Invalid value" },
        { "Project", """{"repository":{"url":"git@github.com:acme/erp.git"},"odoo":{"version":"18"}}""", "spec.odoo.version" },
        { "Project", """{"repository":{"url":"git@github.com:acme/erp.git"},"odoo":{"version":"18.0"},"pollInterval":"five minutes"}""", "spec.pollInterval" },
        { "Project", """{"repository":{"url":"git@github.com:acme/erp.git"},"odoo":{"version":"18.0"},"reposit":1}""", "spec" },
        { "Environment", """{"projectRef":{"name":"erp"},"stage":"prod","image":{"repository":"r.example/erp"},"odoo":{"database":{"secretRef":{"name":"db"}}}}""", "spec.stage" },
        { "Environment", """{"projectRef":{"name":"erp"},"image":{"repository":"r.example/erp"},"odoo":{"replicas":99,"database":{"secretRef":{"name":"db"}}}}""", "spec.odoo.replicas" },
        { "Environment", """{"projectRef":{"name":"erp"},"image":{"repository":"r.example/erp"},"odoo":{"database":{"secretRef":{"name":"db"}},"filestore":{"size":"1Gi","claimName":"x"}}}""", "spec.odoo.filestore: Invalid value: set filestore size" },
        { "Environment", """{"projectRef":{"name":"Bad_Name"},"image":{"repository":"r.example/erp"},"odoo":{"database":{"secretRef":{"name":"db"}}}}""", "spec.projectRef.name" },
        { "Environment", """{"projectRef":{"name":"erp"},"image":{"repository":"r.example/erp"},"odoo":{"database":{"secretRef":{"name":"db"}},"resources":{"requests":{"cpu":"lots"}}}}""", "spec.odoo.resources.requests.cpu" },
        { "BranchMapping", """{"projectRef":{"name":"erp"},"branch":"main"}""", "spec: Invalid value: exactly one of environmentRef or environmentTemplate" },
        { "BranchMapping", """{"projectRef":{"name":"erp"},"branch":"main","environmentRef":{"name":"prod"},"environmentTemplate":{"image":{"repository":"r.example/erp"},"odoo":{"database":{"secretRef":{"name":"db"}}}}}""", "spec: Invalid value: exactly one of" },
        { "BranchMapping", """{"projectRef":{"name":"erp"},"branch":"feature/","environmentRef":{"name":"prod"}}""", "spec.branch: Invalid value" },
        { "BranchMapping", """{"projectRef":{"name":"erp"},"branch":"refs/tags/*","environmentRef":{"name":"prod"}}""", "spec.branch: Invalid value" },
        { "BranchMapping", """{"projectRef":{"name":"erp"},"branch":"feature/a b","environmentRef":{"name":"prod"}}""", "spec.branch" },
        { "BranchMapping", """{"projectRef":{"name":"erp"},"branch":"a..b","environmentRef":{"name":"prod"}}""", "spec.branch: Invalid value" },
        { "GitHubInstallation", """{"installationId":0}""", "spec.installationId" },
        { "GitHubInstallation", """{"installationId":"12"}""", "spec.installationId" },
        { "Deployment", $$$"""{"projectRef":{"name":"erp"},"environmentRef":{"name":"prod"},"branch":"main","commit":"{{{Commit.ToUpperInvariant()}}}"}""", "spec.commit" },
        { "Deployment", $$$"""{"projectRef":{"name":"erp"},"environmentRef":{"name":"prod"},"branch":"main","commit":"{{{Commit[..12]}}}"}""", "spec.commit" },
        { "Deployment", $$$"""{"projectRef":{"name":"erp"},"environmentRef":{"name":"prod"},"branch":"main","commit":"{{{Commit}}}","trigger":{"source":"cron"}}""", "spec.trigger.source" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_spec_is_rejected_naming_the_field(string kind, string specJson, string expected)
    {
        var errors = GeneratedCrds.ForKind(kind).Validate(Resource(kind, specJson));
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Deployment_spec_is_immutable_but_status_is_not()
    {
        var validator = GeneratedCrds.ForKind("Deployment");
        var spec = $$$"""{"projectRef":{"name":"erp"},"environmentRef":{"name":"prod"},"branch":"main","commit":"{{{Commit}}}"}""";
        var original = Resource("Deployment", spec);
        Assert.Empty(validator.Validate(original, old: original));

        var changed = Resource("Deployment", spec.Replace("\"main\"", "\"staging\"", StringComparison.Ordinal));
        Assert.Contains(validator.Validate(changed, old: original), e => e.StartsWith("spec: Invalid value: a Deployment's spec is immutable", StringComparison.Ordinal));

        var withStatus = Resource("Deployment", spec);
        withStatus["status"] = JsonNode.Parse("""{"phase":"Building"}""");
        Assert.Empty(validator.Validate(withStatus, old: original));
    }

    [Fact]
    public void Installation_id_cannot_change()
    {
        var validator = GeneratedCrds.ForKind("GitHubInstallation");
        var errors = validator.Validate(Resource("GitHubInstallation", """{"installationId":2}"""), old: Resource("GitHubInstallation", """{"installationId":1}"""));
        Assert.Contains(errors, e => e.StartsWith("spec.installationId: Invalid value: installationId is immutable", StringComparison.Ordinal));
    }

    private static JsonNode Resource(string kind, string specJson) => new JsonObject
    {
        ["apiVersion"] = "ocore.io/v1alpha1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = "example", ["namespace"] = "acme" },
        ["spec"] = JsonNode.Parse(specJson),
    };
}
