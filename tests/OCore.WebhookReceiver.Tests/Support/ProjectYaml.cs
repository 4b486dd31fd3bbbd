namespace OCore.WebhookReceiver.Tests.Support;

/// <summary>The resources the receiver tests start from, as a person would apply them.</summary>
public static class ProjectYaml
{
    /// <summary>Project odoo-custom on <paramref name="repositoryUrl"/>, Environment production, and main mapped to it.</summary>
    public static string MainToProduction(string repositoryUrl) => $$"""
        apiVersion: ocore.io/v1alpha1
        kind: Project
        metadata: { name: odoo-custom }
        spec:
          repository: { url: "{{repositoryUrl}}" }
          odoo: { version: "18.0" }
        ---
        apiVersion: ocore.io/v1alpha1
        kind: Environment
        metadata: { name: production }
        spec:
          projectRef: { name: odoo-custom }
          image: { repository: registry.acme.example/odoo }
          odoo: { database: { secretRef: { name: db } } }
        ---
        apiVersion: ocore.io/v1alpha1
        kind: BranchMapping
        metadata: { name: main }
        spec:
          projectRef: { name: odoo-custom }
          branch: main
          environmentRef: { name: production }
        """;
}
