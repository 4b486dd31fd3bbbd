using System.Security.Cryptography;
using System.Text;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Security;

/// <summary>
/// Bearer-token authentication: the admin token, a static token file (kube's CSV format
/// token,user,uid,"group1,group2"), and ServiceAccount tokens that DevCluster signs itself.
/// </summary>
internal sealed class TokenAuthenticator
{
    private readonly Dictionary<string, UserInfo> _static = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey;
    private readonly ObjectStore _store;

    public TokenAuthenticator(string adminToken, string? tokenFile, byte[] signingKey, ObjectStore store)
    {
        _signingKey = signingKey;
        _store = store;
        _static[adminToken] = new UserInfo("admin", "admin", [UserInfo.Masters, "system:authenticated"]);
        if (tokenFile is not null)
        {
            foreach (var line in File.ReadAllLines(tokenFile).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
            {
                var fields = SplitCsv(line);
                if (fields.Count >= 3)
                {
                    var groups = fields.Count > 3 ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [];
                    groups.Add("system:authenticated");
                    _static[fields[0]] = new UserInfo(fields[1], fields[2], groups);
                }
            }
        }
    }

    public void AddToken(string token, UserInfo user) => _static[token] = user;

    public UserInfo? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        if (_static.TryGetValue(token, out var user))
        {
            return user;
        }
        return AuthenticateServiceAccount(token);
    }

    /// <summary>Issues a token for a ServiceAccount; it stays valid while the ServiceAccount (same uid) exists.</summary>
    public string IssueServiceAccountToken(string ns, string name, string uid)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes($"{ns}:{name}:{uid}"));
        return $"dcsa.{payload}.{Sign(payload)}";
    }

    private UserInfo? AuthenticateServiceAccount(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != "dcsa" || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[1])), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }
        var fields = Encoding.UTF8.GetString(FromBase64Url(parts[1])).Split(':');
        if (fields.Length != 3)
        {
            return null;
        }
        var (ns, name, uid) = (fields[0], fields[1], fields[2]);
        var serviceAccount = _store.Get("serviceaccounts", ns, name);
        if (serviceAccount?["metadata"]?["uid"]?.GetValue<string>() != uid)
        {
            return null;
        }
        return new UserInfo($"system:serviceaccount:{ns}:{name}", uid, ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"]);
    }

    private string Sign(string payload) => Base64Url(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(payload)));

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
