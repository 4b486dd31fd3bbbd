namespace OCore.DevCluster.Patching;

/// <summary>A patch that cannot be applied to the current object (answered as 422).</summary>
internal sealed class PatchFailedException(string message) : Exception(message);
