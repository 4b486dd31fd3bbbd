namespace OCore.WebhookReceiver.Api;

/// <summary>Runs one API operation and turns the failures a caller can act on into problem answers.</summary>
internal static class ApiCall
{
    /// <summary>Runs <paramref name="operation"/>; a 403 names <paramref name="role"/>, what it needs in <paramref name="namespace"/>.</summary>
    public static async Task<IResult> RunAsync(string role, string @namespace, Func<Task<IResult>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception failure) when (ApiProblems.From(failure, role, @namespace) is { } answer)
        {
            return answer;
        }
    }
}
