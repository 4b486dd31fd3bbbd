namespace OCore.Runtime.Tests.Support;

/// <summary>A request a killed process tried to send; it never reached the cluster.</summary>
internal sealed class ProcessKilledException() : HttpRequestException("the process was killed");
