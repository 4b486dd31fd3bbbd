namespace OCore.Api.Branches;

public enum BranchResolutionKind
{
    Matched,
    Conflict,
    NoMatch,
    InvalidBranch,
}
