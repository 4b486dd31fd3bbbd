using OCore.Testing;

namespace OCore.Chart.Tests.Support;

/// <summary>Where the chart under test is.</summary>
public static class ChartDirectory
{
    public static string Path { get; } = RepositoryRoot.Combine("charts", "ocore");
}
