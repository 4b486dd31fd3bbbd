using k8s;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using OCore.Testing;
using OCore.WebhookReceiver.Dashboard.Session;

namespace OCore.WebhookReceiver.Tests.Dashboard;

/// <summary>The dashboard's cookie keys in a Secret: what one replica seals, another opens.</summary>
public sealed class SecretKeyRingTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Two_replicas_sharing_the_secret_open_each_others_cookies()
    {
        var ns = await _cluster.CreateNamespaceAsync();
        using var first = Replica(ns);
        using var second = Replica(ns);

        var sealedByFirst = Protector(first).Protect("session of alice");

        Assert.Equal("session of alice", Protector(second).Unprotect(sealedByFirst));
        var secret = await _cluster.Client.CoreV1.ReadNamespacedSecretAsync("dashboard-keys", ns);
        Assert.Single(secret.Data.Keys, key => key.StartsWith("key-", StringComparison.Ordinal) && key.EndsWith(".xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_with_another_secret_cannot_open_them()
    {
        var ns = await _cluster.CreateNamespaceAsync();
        using var replica = Replica(ns);
        using var stranger = Replica(ns, "other-keys");

        var sealedCookie = Protector(replica).Protect("session of alice");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(stranger).Unprotect(sealedCookie));
    }

    private ServiceProvider Replica(string ns, string secretName = "dashboard-keys")
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("ocore-dashboard");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new SecretKeyRing(_cluster.Client, secretName, ns));
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider replica) =>
        replica.GetRequiredService<IDataProtectionProvider>().CreateProtector("OCore.Dashboard.Session.v1");
}
