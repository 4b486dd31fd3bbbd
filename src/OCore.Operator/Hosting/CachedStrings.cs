using OCore.Api.V1Alpha1;
using OCore.Runtime.Informers;

namespace OCore.Operator.Hosting;

/// <summary>
/// What the operator's kinds repeat across thousands of cached objects: condition types, reasons and messages (most
/// read the same for every healthy mapping) and the project a mapping, environment or deployment belongs to.
/// </summary>
internal static class CachedStrings
{
    public static void Share(ResourceStatus? status, StringPool pool)
    {
        foreach (var condition in status?.Conditions ?? [])
        {
            condition.Type = pool.Intern(condition.Type)!;
            condition.Status = pool.Intern(condition.Status)!;
            condition.Reason = pool.Intern(condition.Reason)!;
            condition.Message = pool.Intern(condition.Message)!;
        }
    }

    public static void Share(LocalObjectReference? reference, StringPool pool)
    {
        if (reference is not null)
            reference.Name = pool.Intern(reference.Name)!;
    }
}
