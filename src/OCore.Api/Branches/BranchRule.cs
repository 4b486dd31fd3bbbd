namespace OCore.Api.Branches;

/// <summary>One branch pattern and what it routes to (for oCore, a BranchMapping).</summary>
public sealed record BranchRule<T>(BranchGlob Glob, T Target);
