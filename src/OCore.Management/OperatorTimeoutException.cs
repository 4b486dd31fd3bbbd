namespace OCore.Management;

/// <summary>The operator did not show the result of a change in time: it is not running, or is far behind.</summary>
public sealed class OperatorTimeoutException(TimeSpan timeout, string waitingFor)
    : Exception($"timed out after {timeout.TotalSeconds:0}s waiting for {waitingFor}; is the oCore operator running? (kubectl -n ocore-system get pods)")
{
    public string WaitingFor { get; } = waitingFor;
}
