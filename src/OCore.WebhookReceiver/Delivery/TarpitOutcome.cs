namespace OCore.WebhookReceiver.Delivery;

/// <summary>What <see cref="FailedVerificationTarpit"/> did with a failed delivery's answer.</summary>
internal enum TarpitOutcome
{
    /// <summary>The delay is off: answer now.</summary>
    Off,

    /// <summary>The answer was held back for the delay: answer now.</summary>
    Delayed,

    /// <summary>Too many answers are held back already: answer now and close the connection.</summary>
    Full,

    /// <summary>The client went away while waiting: there is no one to answer.</summary>
    Abandoned,
}
