using OCore.Testing;

namespace OCore.Cli.Tests.Support;

/// <summary>Objects the commands need that the CLI does not create.</summary>
public static class Sample
{
    public static Task CreateEnvironmentAsync(TestCluster cluster, string ns, string name, string project)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Environment
            metadata: { name: {{name}} }
            spec:
              projectRef: { name: {{project}} }
              stage: production
              image: { repository: registry.acme.example/odoo }
              odoo:
                database: { secretRef: { name: db } }
            """, ns);
    }
}
