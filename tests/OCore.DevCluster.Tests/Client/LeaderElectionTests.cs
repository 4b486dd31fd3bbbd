using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>KubernetesClient's LeaderElector with a LeaseLock: one leader, and the other takes over after it stops.</summary>
public sealed class LeaderElectionTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Only_one_candidate_leads_and_the_other_takes_over()
    {
        var ns = await cluster.NewNamespaceAsync("leader");
        using var cts1 = new CancellationTokenSource();
        using var cts2 = new CancellationTokenSource();
        var leaders = new List<string>();
        var first = Elector(ns, "one", leaders);
        var second = Elector(ns, "two", leaders);
        var run1 = first.RunUntilLeadershipLostAsync(cts1.Token);
        await Eventually.TrueAsync(() => Task.FromResult(first.IsLeader()), "first candidate to lead");
        var run2 = second.RunUntilLeadershipLostAsync(cts2.Token);
        await Task.Delay(1500);
        Assert.False(second.IsLeader());

        await cts1.CancelAsync();
        await Stopped(run1);
        await Eventually.TrueAsync(() => Task.FromResult(second.IsLeader()), "second candidate to take over", TimeSpan.FromSeconds(20));
        await cts2.CancelAsync();
        await Stopped(run2);
        lock (leaders)
        {
            Assert.Equal(["one", "two"], leaders);
        }
    }

    /// <summary>Waits for a cancelled elector; it may end by returning or by throwing OperationCanceledException.</summary>
    private static async Task Stopped(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Expected when cancelled while waiting.
        }
    }

    private LeaderElector Elector(string ns, string identity, List<string> leaders)
    {
        var lease = new LeaseLock(cluster.Client, ns, "operator-leader", identity);
        var elector = new LeaderElector(new LeaderElectionConfig(lease)
        {
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
        });
        elector.OnStartedLeading += () =>
        {
            lock (leaders)
            {
                leaders.Add(identity);
            }
        };
        return elector;
    }
}
