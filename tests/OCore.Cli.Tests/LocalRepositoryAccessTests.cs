using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OCore.Cli.Dev;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>
/// The sandbox's stand-in for the person at the Git provider: it adds each Project's deploy key to the local git
/// server and removes the keys Projects no longer have. The test plays the operator by writing status.deployKey.
/// </summary>
public sealed class LocalRepositoryAccessTests(SshServerFixture git) : IClassFixture<SshServerFixture>, IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_regenerated_key_replaces_the_old_one_and_a_deleted_project_loses_its_key()
    {
        var ns = await _cluster.CreateNamespaceAsync();
        var (first, second) = (NewPublicKey("first"), NewPublicKey("second"));
        await _cluster.CreateFromYamlAsync($"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata:
              name: odoo
            spec:
              repository:
                url: {git.Server.UrlFor("acme/odoo.git")}
                provider: gitlab
              odoo:
                version: "18.0"
            """, ns);
        await using var access = LocalRepositoryAccess.Start(git.Server, _cluster.KubeconfigPath, NullLoggerFactory.Instance);

        await SetDeployKeyAsync(ns, first);
        await Eventually.Until(() => git.Server.IsAuthorized(first), "the first key is trusted");

        await SetDeployKeyAsync(ns, second);
        await Eventually.Until(() => git.Server.IsAuthorized(second) && !git.Server.IsAuthorized(first), "the second key replaces the first");

        await _cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync("ocore.io", "v1alpha1", ns, "projects", "odoo");
        await Eventually.Until(() => !git.Server.IsAuthorized(second), "the deleted project's key is removed");
        Assert.True(git.Server.IsAuthorized(File.ReadAllText(Path.Combine(git.Root, "keys", "client_key.pub"))), "keys no Project was given stay");
    }

    private Task SetDeployKeyAsync(string ns, string publicKey) =>
        _cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(KubernetesJson.Serialize(new { status = new { deployKey = new { publicKey } } }), V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", ns, "projects", "odoo");

    private static string NewPublicKey(string name)
    {
        var directory = Directory.CreateTempSubdirectory("ocore-keys-").FullName;
        var path = Path.Combine(directory, name);
        OCore.Testing.Cli.Run("ssh-keygen", null, "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path);
        var publicKey = File.ReadAllText(path + ".pub").Trim();
        Directory.Delete(directory, recursive: true);
        return publicKey;
    }
}
