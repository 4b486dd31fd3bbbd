namespace OCore.Api.V1Alpha1;

/// <summary>Condition helpers with metav1 semantics: lastTransitionTime moves only when the status really changes.</summary>
public static class Conditions
{
    public static Condition? Find(IEnumerable<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IEnumerable<Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;

    /// <summary>Sets or adds the condition; returns the list for chaining.</summary>
    public static List<Condition> Set(List<Condition> conditions, string type, bool status, string reason, string message, long? generation, DateTime now) =>
        Set(conditions, type, status ? ConditionStatus.True : ConditionStatus.False, reason, message, generation, now);

    public static List<Condition> Set(List<Condition> conditions, string type, string status, string reason, string message, long? generation, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                LastTransitionTime = Truncate(now),
                ObservedGeneration = generation,
            });
            return conditions;
        }

        if (existing.Status != status)
            existing.LastTransitionTime = Truncate(now);
        existing.Status = status;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = generation;
        return conditions;
    }

    /// <summary>Kubernetes stores condition times in whole seconds; keep them so, or every write looks like a change.</summary>
    private static DateTime Truncate(DateTime time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
