using System.Diagnostics;
using OCore.Runtime.Tests.Support;
using OCore.Testing;
using Xunit.Abstractions;

namespace OCore.Runtime.Tests.Integration;

/// <summary>
/// Operator processes (each its own host, client and identity) sharing one Lease in DevCluster: killed mid-reconcile,
/// failing over, handing over on a clean stop. Work is never lost and no side effect happens twice.
/// </summary>
public sealed class LeaderElectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SideEffectLog _log = new();
    private TestCluster _cluster = null!;
    private string _ns = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _ns = await _cluster.CreateNamespaceAsync("leader");
    }

    public async Task DisposeAsync()
    {
        output.WriteLine("writes: " + string.Join(Environment.NewLine, _log.All));
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_killed_mid_reconcile_and_restarted_finishes_the_work_once()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 4, value: "v0");
        var halfway = new TaskCompletionSource();
        var first = await StartAsync("operator-1", configure: reconciler => reconciler.BetweenSteps = async (key, ct) =>
        {
            if (key.Name != "in-2")
                return;
            halfway.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains(_log.Applied, e => e is { Process: "operator-1", Action: "create", Target: "out-2" });

        await first.KillAsync();
        var restarted = Stopwatch.StartNew();
        await using var second = await StartAsync("operator-2");
        await Eventually.Until(() => second.Manager.IsLeader, "the restarted operator leads");
        var takeover = restarted.Elapsed;

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        output.WriteLine($"restarted operator led {takeover.TotalSeconds:0.00} s after the kill (lease {OperatorProcess.LeaseDuration.TotalSeconds} s, not released)");
        // The dead leader's Lease had to expire: it was neither renewed nor released.
        Assert.InRange(takeover, OperatorProcess.LeaseDuration * 0.75, OperatorProcess.LeaseDuration + TimeSpan.FromSeconds(3));
        // The interrupted reconcile is finished by the new process without repeating its first step.
        Assert.Equal("operator-1", Assert.Single(_log.Applied, e => e.Target == "out-2").Process);
        Assert.Equal("operator-2", Assert.Single(_log.Applied, e => e.Action == "ack" && e.Target == "in-2").Process);
        Assert.Equal(4, _log.Applied.Count(e => e.Action == "create"));
        Assert.Equal(4, _log.Applied.Count(e => e.Action == "ack"));
        _log.AssertNothingTwice();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task When_the_leader_is_killed_the_standby_takes_over_and_finishes_the_work_once()
    {
        const int inputs = 12;
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: inputs, value: "v0");
        // Slow reconciles, so that the kill lands while work remains.
        Action<MirrorReconciler> slow = reconciler => reconciler.Delay = TimeSpan.FromMilliseconds(150);
        var leader = await StartAsync("operator-a", configure: slow);
        await Eventually.Until(() => leader.Manager.IsLeader, "operator-a leads");
        await using var standby = await StartAsync("operator-b", configure: slow);
        await standby.Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await Eventually.Until(() => _log.Applied.Count(e => e.Action == "create") >= 3, "operator-a is at work");

        Assert.False(standby.Manager.IsLeader);
        Assert.Empty(_log.By("operator-b"));
        Assert.DoesNotContain(standby.Requests.Requests, r => r.Uri.AbsolutePath.Contains("/configmaps/", StringComparison.Ordinal));
        await leader.KillAsync();
        var killed = Stopwatch.StartNew();
        var doneByLeader = _log.Applied.Count(e => e.Action == "create");
        Assert.True(doneByLeader < inputs, "work remained at the kill");
        await Eventually.Until(() => standby.Manager.IsLeader, "operator-b takes over");
        var takeover = killed.Elapsed;

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        output.WriteLine($"standby led {takeover.TotalSeconds:0.00} s after the leader was killed (lease {OperatorProcess.LeaseDuration.TotalSeconds} s); " +
                         $"the leader had created {doneByLeader} of {inputs} outputs");
        Assert.InRange(takeover, OperatorProcess.LeaseDuration * 0.5, OperatorProcess.LeaseDuration + TimeSpan.FromSeconds(3));
        // The standby wrote nothing before it led: every write of operator-b came after the takeover.
        Assert.NotEmpty(_log.By("operator-b"));
        Assert.Equal(inputs, _log.Applied.Count(e => e.Action == "create"));
        Assert.Equal(inputs, _log.Applied.Count(e => e.Action == "ack"));
        _log.AssertNothingTwice();
        await leader.DisposeAsync();
    }

    [Fact]
    public async Task A_cleanly_stopped_leader_releases_the_lease_and_the_standby_takes_over_at_once()
    {
        // A long lease: a takeover well before it proves the Lease was released, not left to expire.
        var lease = TimeSpan.FromSeconds(6);
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 3, value: "v0");
        var leader = await StartAsync("operator-a", lease);
        await Eventually.Until(() => leader.Manager.IsLeader, "operator-a leads");
        await using var standby = await StartAsync("operator-b", lease);
        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        Assert.Empty(_log.By("operator-b"));
        Assert.DoesNotContain(standby.Requests.Requests, r => r.Uri.AbsolutePath.Contains("/configmaps/", StringComparison.Ordinal));

        var stopping = Stopwatch.StartNew();
        await leader.StopAsync();
        await Eventually.Until(() => standby.Manager.IsLeader, "operator-b takes over");
        var handover = stopping.Elapsed;
        output.WriteLine($"standby led {handover.TotalSeconds:0.00} s after the leader began a clean stop (lease {lease.TotalSeconds} s)");
        Assert.True(handover < TimeSpan.FromSeconds(2), $"handover took {handover.TotalSeconds:0.00} s");

        await MirrorInputs.SetAllAsync(_cluster.Client, _ns, "v1");
        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        Assert.All(_log.By("operator-b"), e => Assert.Equal("v1", e.Value));
        Assert.Equal(3, _log.By("operator-a").Count(e => e.Action == "create"));
        _log.AssertNothingTwice();
        await leader.DisposeAsync();
    }

    private Task<OperatorProcess> StartAsync(string identity, TimeSpan? leaseDuration = null, Action<MirrorReconciler>? configure = null) =>
        OperatorProcess.StartAsync(_cluster, _ns, _log, identity, leaderElection: true, leaseDuration, configure);
}
