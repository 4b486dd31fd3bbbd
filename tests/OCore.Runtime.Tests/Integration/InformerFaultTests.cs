using System.Diagnostics;
using k8s;
using OCore.DevCluster.Faults;
using OCore.Runtime.Informers;
using OCore.Runtime.Tests.Support;
using OCore.Testing;
using Xunit.Abstractions;

namespace OCore.Runtime.Tests.Integration;

/// <summary>
/// The real runtime (resource client, informer, controller, manager) against DevCluster's fault injection: every
/// fault ends with all inputs mirrored and acknowledged, and no side effect applied twice.
/// </summary>
public sealed class InformerFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SideEffectLog _log = new();
    private TestCluster _cluster = null!;
    private string _ns = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _ns = await _cluster.CreateNamespaceAsync("faults");
    }

    public async Task DisposeAsync()
    {
        output.WriteLine("writes: " + string.Join(Environment.NewLine, _log.All));
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Dropped_watches_resume_from_the_last_version_and_every_change_is_reconciled()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 5, value: "v0");
        await using var process = await StartAsync();
        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);

        for (var round = 1; round <= 5; round++)
        {
            var watches = Watches(process).Count;
            await MirrorInputs.SetAllAsync(_cluster.Client, _ns, $"v{round}");
            Assert.Equal(1, _cluster.Server.Faults.DropWatches());
            await Eventually.Until(() => Watches(process).Count > watches, "the informer watches again");
        }

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        Assert.All(process.Informer.Cache.List(), input => Assert.Equal("v5", input.Data["value"]));
        Assert.Single(process.Requests.Requests, r => r.IsList);
        // Each watch resumed where the previous one ended: never from scratch, never going back.
        var versions = Watches(process).Select(w => long.Parse(w.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(versions.Count >= 6, $"{versions.Count} watches");
        Assert.Equal(versions.Order(), versions);
        Assert.True(versions[^1] > versions[0], "the resume point moved on");
        _log.AssertNothingTwice();
    }

    [Fact]
    public async Task Gone_relists_and_reports_objects_deleted_while_disconnected()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 5, value: "v0");
        await using var process = await StartAsync();
        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);

        using (_cluster.Server.Faults.FailRequests(r => r.Verb == "watch" && r.Namespace == _ns, 500))
        {
            _cluster.Server.Faults.DropWatches();
            await Eventually.Until(() => Watches(process).Any(w => w.Status == 500), "the informer is disconnected");
            await _cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("in-1", _ns);
            await _cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("in-2", _ns);
            await MirrorInputs.SetAsync(_cluster.Client, _ns, "in-3", "v1");
            _cluster.Server.Faults.CompactHistory();
        }

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        Assert.Equal(2, process.Requests.Requests.Count(r => r.IsList));
        Assert.Equal(["in-0", "in-3", "in-4"], process.Informer.Cache.List().Select(c => c.Metadata.Name).Order());
        Assert.Equal(["in-1", "in-2"], process.Events.Where(e => e.Type == InformerEventType.Deleted).Select(e => e.Object.Metadata.Name).Order());
        Assert.Equal(["out-1", "out-2"], _log.Applied.Where(e => e.Action == "delete").Select(e => e.Target).Order());
        _log.AssertNothingTwice();
    }

    [Fact]
    public async Task Failing_and_throttled_lists_back_off_and_honour_retry_after()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 3, value: "v0");
        Func<FaultRequest, bool> lists = r => r.Verb == "list" && r.Namespace == _ns;
        using var errors = _cluster.Server.Faults.FailRequests(lists, 500, times: 2);
        using var throttled = _cluster.Server.Faults.FailRequests(lists, 429, times: 1, retryAfter: TimeSpan.FromSeconds(1));
        await using var process = await StartAsync();
        // Only then does the test list too, so that its own list cannot take one of the faults.
        await process.Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        var attempts = process.Requests.Requests.Where(r => r.IsList).ToList();
        Assert.Equal([500, 500, 429, 200], attempts.Select(r => r.Status));
        // 100 ms then 200 ms, each jittered by at most 20 %; then the second Retry-After asked for.
        AssertGap(attempts[0], attempts[1], TimeSpan.FromMilliseconds(80));
        AssertGap(attempts[1], attempts[2], TimeSpan.FromMilliseconds(160));
        AssertGap(attempts[2], attempts[3], TimeSpan.FromSeconds(1));
        _log.AssertNothingTwice();
    }

    [Fact]
    public async Task A_throttled_watch_waits_for_retry_after_and_resumes_without_relisting()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 3, value: "v0");
        await using var process = await StartAsync();
        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);

        using (_cluster.Server.Faults.FailRequests(r => r.Verb == "watch" && r.Namespace == _ns, 429, times: 1, retryAfter: TimeSpan.FromSeconds(1)))
        {
            _cluster.Server.Faults.DropWatches();
            await MirrorInputs.SetAllAsync(_cluster.Client, _ns, "v1");
            await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        }

        var watches = Watches(process);
        var throttled = watches.FindIndex(w => w.Status == 429);
        Assert.True(throttled > 0, "the watch was throttled");
        AssertGap(watches[throttled], watches[throttled + 1], TimeSpan.FromSeconds(1));
        Assert.Equal(watches[throttled].ResourceVersion, watches[throttled + 1].ResourceVersion);
        Assert.Single(process.Requests.Requests, r => r.IsList);
        _log.AssertNothingTwice();
    }

    [Fact]
    public async Task Failed_and_throttled_writes_are_retried_until_each_side_effect_is_applied_once()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 3, value: "v0");
        Func<FaultRequest, bool> writes = r => r.Namespace == _ns && r.Resource == "configmaps" && r.Verb is "create" or "patch";
        using var errors = _cluster.Server.Faults.FailRequests(writes, 500, times: 4);
        using var throttled = _cluster.Server.Faults.FailRequests(writes, 429, times: 2, retryAfter: TimeSpan.FromSeconds(1));
        await using var process = await StartAsync();

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns);
        Assert.Equal([429, 429, 500, 500, 500, 500], _log.All.Where(e => !e.Applied).Select(e => e.Status).Order());
        // A throttled write is tried again only after the Retry-After the server asked for.
        foreach (var throttledWrite in _log.All.Where(e => e.Status == 429))
        {
            var retry = _log.All.First(e => e.SentAt > throttledWrite.SentAt && (e.Action, e.Target) == (throttledWrite.Action, throttledWrite.Target));
            AssertGap(throttledWrite.SentAt, retry.SentAt, TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, _log.Applied.Count(e => e.Action == "create"));
        Assert.Equal(3, _log.Applied.Count(e => e.Action == "ack"));
        _log.AssertNothingTwice();
    }

    [Fact]
    public async Task Slow_answers_still_converge_without_duplicate_side_effects()
    {
        await MirrorInputs.CreateAsync(_cluster.Client, _ns, count: 6, value: "v0");
        using var slow = _cluster.Server.Faults.DelayRequests(r => r.Namespace == _ns && r.Resource == "configmaps", TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await using var process = await StartAsync();

        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns, TimeSpan.FromSeconds(30));
        var first = clock.Elapsed;
        await MirrorInputs.SetAllAsync(_cluster.Client, _ns, "v1");
        await MirrorInputs.WaitConvergedAsync(_cluster.Client, _ns, TimeSpan.FromSeconds(30));
        output.WriteLine($"with 200 ms per request: converged after {first.TotalSeconds:0.0} s, again after a change {(clock.Elapsed - first).TotalSeconds:0.0} s later");
        Assert.Equal(6, _log.Applied.Count(e => e.Action == "create"));
        Assert.Equal(6, _log.Applied.Count(e => e.Action == "update"));
        _log.AssertNothingTwice();
    }

    private Task<OperatorProcess> StartAsync() =>
        OperatorProcess.StartAsync(_cluster, _ns, _log, "operator", leaderElection: false);

    private static List<RecordedRequest> Watches(OperatorProcess process) => process.Requests.Requests.Where(r => r.IsWatch).ToList();

    private static void AssertGap(RecordedRequest before, RecordedRequest after, TimeSpan atLeast) => AssertGap(before.SentAt, after.SentAt, atLeast);

    private static void AssertGap(TimeSpan before, TimeSpan after, TimeSpan atLeast)
    {
        var gap = after - before;
        // Timers may fire a few milliseconds early against the stopwatch; a retry that ignored the wait would be far earlier.
        Assert.True(gap >= atLeast - TimeSpan.FromMilliseconds(15), $"retried after {gap.TotalMilliseconds:0} ms, expected at least {atLeast.TotalMilliseconds:0} ms");
    }
}
