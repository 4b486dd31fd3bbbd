namespace OCore.Cli.Commands;

/// <summary>What an <c>ocore</c> exit code tells a script.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The thing asked for failed: a deployment failed, the operator rejected the spec, a wait timed out.</summary>
    public const int Failed = 1;

    /// <summary>The command line (or the request built from it) is wrong.</summary>
    public const int Usage = 2;

    public const int NotFound = 3;

    /// <summary>The cluster refused the credentials or the action (401/403).</summary>
    public const int Forbidden = 4;
}
