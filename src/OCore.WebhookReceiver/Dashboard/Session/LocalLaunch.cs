using System.Security.Cryptography;
using System.Text;

namespace OCore.WebhookReceiver.Dashboard.Session;

/// <summary>
/// Under <c>ocore dashboard</c>: the one-time code in the link the command prints. The local server acts with the
/// kubeconfig's credentials, so a browser must prove it was given the link (another local user or a web page cannot
/// guess it) before it gets a session cookie. The code is never the token and works once.
/// </summary>
public sealed class LocalLaunch
{
    private readonly byte[] _code;
    private int _used;

    public LocalLaunch(string user)
    {
        User = user;
        Code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _code = Encoding.ASCII.GetBytes(Code);
    }

    /// <summary>Who the kubeconfig's credentials belong to, shown in the header.</summary>
    public string User { get; }

    public string Code { get; }

    /// <summary>True once, for the right code; constant-time so the code cannot be found by timing.</summary>
    public bool TryRedeem(string? code)
    {
        if (code is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(code), _code))
            return false;
        return Interlocked.Exchange(ref _used, 1) == 0;
    }
}
