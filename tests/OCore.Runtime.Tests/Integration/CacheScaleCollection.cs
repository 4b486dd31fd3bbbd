namespace OCore.Runtime.Tests.Integration;

/// <summary>The scale test runs alone, so that its CPU use does not skew the timing assertions of the other tests.</summary>
[CollectionDefinition(nameof(CacheScaleCollection), DisableParallelization = true)]
public sealed class CacheScaleCollection;
