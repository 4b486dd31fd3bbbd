using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OCore.Bench.Routing;
using Perfolizer.Horology;

// In-process: no generated project to build, so the run stays short and independent of the repository's analyzers.
// 15 iterations: on a shared machine, 6 let one noisy iteration move a median by 2x.
// No forced GC between iterations: the 50,000-rule routers stay alive for the whole run, and a forced GC over them adds
// time without telling anything about routing.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(15)
    .WithIterationTime(TimeInterval.FromMilliseconds(150))
    .WithGcForce(false);
var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summaries = BenchmarkSwitcher.FromTypes([typeof(RouterBenchmarks), typeof(PerProjectBenchmarks)]).Run(args, config);

// A Markdown fragment for RESULTS.md: medians, and the 50,000-to-10 ratio per case against the 2x target.
var text = new StringBuilder();
var invariant = CultureInfo.InvariantCulture;
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        var parameters = report.BenchmarkCase.Parameters.PrintInfo;
        var median = report.ResultStatistics?.Median ?? double.NaN;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        text.AppendLine(invariant, $"ROW|{report.BenchmarkCase.Descriptor.Type.Name}|{name}|{parameters}|{median:F1}|{allocated}");
    }
}

foreach (var ((rules, shape), bytes) in RouterCache.RetainedBytes)
    text.AppendLine(invariant, $"MEM|{rules}|{shape}|{bytes}");

File.WriteAllText("routing-rows.txt", text.ToString());
Console.WriteLine(text);
return summaries.Any(HasErrors) ? 1 : 0;

static bool HasErrors(Summary summary) => summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success);
