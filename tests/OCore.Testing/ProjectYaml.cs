namespace OCore.Testing;

/// <summary>The resources tests start from, as a person would apply them.</summary>
public static class ProjectYaml
{
    /// <summary>Project <paramref name="project"/> on <paramref name="repositoryUrl"/>, Environment production, and main mapped to it.</summary>
    public static string MainToProduction(string repositoryUrl, string project = "odoo-custom") => $$"""
        apiVersion: ocore.io/v1alpha1
        kind: Project
        metadata: { name: {{project}} }
        spec:
          repository: { url: "{{repositoryUrl}}" }
          odoo: { version: "18.0" }
        ---
        apiVersion: ocore.io/v1alpha1
        kind: Environment
        metadata: { name: production }
        spec:
          projectRef: { name: {{project}} }
          image: { repository: registry.acme.example/odoo }
          odoo: { database: { secretRef: { name: db } } }
        ---
        apiVersion: ocore.io/v1alpha1
        kind: BranchMapping
        metadata: { name: main }
        spec:
          projectRef: { name: {{project}} }
          branch: main
          environmentRef: { name: production }
        """;
}
