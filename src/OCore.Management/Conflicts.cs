using System.Net;
using k8s.Autorest;

namespace OCore.Management;

/// <summary>Read-modify-write against objects the operator also writes: on a 409, read again and apply the change again.</summary>
public static class Conflicts
{
    private const int Attempts = 3;

    public static async Task<T> RetryAsync<T>(Func<Task<T>> readModifyWrite)
    {
        ArgumentNullException.ThrowIfNull(readModifyWrite);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readModifyWrite();
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                // Someone else wrote the object in between; the next attempt starts from their version.
            }
        }
    }
}
