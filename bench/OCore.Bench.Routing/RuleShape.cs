namespace OCore.Bench.Routing;

/// <summary>How the rules other than the three fixed ones look.</summary>
public enum RuleShape
{
    /// <summary>Exact names and globs with distinct literal first segments (<c>team42/*</c>): what the index serves.</summary>
    Indexed,

    /// <summary>Every extra glob under the same first segment as the pushed branch (<c>feature/t42/*</c>): one bucket.</summary>
    SharedFirstSegment,
}
