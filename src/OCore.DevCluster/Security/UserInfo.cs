namespace OCore.DevCluster.Security;

/// <summary>An authenticated identity (user name, uid and groups), as in kube's user.Info.</summary>
internal sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    public const string Masters = "system:masters";

    public static UserInfo System { get; } = new("system:devcluster", "", [Masters]);

    public bool IsMaster => Groups.Contains(Masters);
}
