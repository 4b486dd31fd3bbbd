namespace OCore.Api.Branches;

/// <summary>The outcome of routing one branch: one winner, a conflict between equally specific rules, or nothing.</summary>
public sealed record BranchResolution<T>
{
    private BranchResolution(BranchResolutionKind kind, IReadOnlyList<BranchRule<T>> rules, string? error)
    {
        Kind = kind;
        Rules = rules;
        Error = error;
    }

    public BranchResolutionKind Kind { get; }

    /// <summary>The winner (one rule), the conflicting rules, or none.</summary>
    public IReadOnlyList<BranchRule<T>> Rules { get; }

    /// <summary>Why the branch name is invalid, for <see cref="BranchResolutionKind.InvalidBranch"/>.</summary>
    public string? Error { get; }

    public BranchRule<T>? Winner => Kind == BranchResolutionKind.Matched ? Rules[0] : null;

    public static BranchResolution<T> Matched(BranchRule<T> rule) => new(BranchResolutionKind.Matched, [rule], null);

    public static BranchResolution<T> Conflict(IReadOnlyList<BranchRule<T>> rules) => new(BranchResolutionKind.Conflict, rules, null);

    public static BranchResolution<T> NoMatch() => new(BranchResolutionKind.NoMatch, [], null);

    public static BranchResolution<T> InvalidBranch(string error) => new(BranchResolutionKind.InvalidBranch, [], error);
}
