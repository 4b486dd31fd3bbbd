namespace OCore.Management;

/// <summary>A request that cannot be carried out as asked; <see cref="Field"/> names the input to fix.</summary>
public sealed class InvalidRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
