namespace OCore.WebhookReceiver.Delivery;

/// <summary>Failed verifications of one project in the current log interval: whether the first was logged, and how many followed.</summary>
internal sealed class FailureWindow
{
    private int _opened;
    private long _followers;

    /// <summary>True for the first failure of the interval (log it); false for the others (counted).</summary>
    public bool Record()
    {
        if (Interlocked.CompareExchange(ref _opened, 1, 0) == 0)
            return true;
        Interlocked.Increment(ref _followers);
        return false;
    }

    /// <summary>Ends the interval: the failures counted after the first, and whether there was any failure at all.</summary>
    public long Close(out bool hadFailures)
    {
        hadFailures = Interlocked.Exchange(ref _opened, 0) == 1;
        return Interlocked.Exchange(ref _followers, 0);
    }
}
