using System.Text;

namespace OCore.DevCluster.Security;

/// <summary>Renders and atomically writes the kubeconfig clients use to reach DevCluster.</summary>
internal static class Kubeconfig
{
    public static string Render(string server, string caPem, string token, string user = "admin")
    {
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: devcluster
              cluster:
                server: {server}
                certificate-authority-data: {ca}
            users:
            - name: {user}
              user:
                token: {token}
            contexts:
            - name: devcluster
              context:
                cluster: devcluster
                user: {user}
                namespace: default
            current-context: devcluster

            """;
    }

    /// <summary>Writes via a temporary file and rename, so readers never see a half-written kubeconfig.</summary>
    public static void Write(string path, string contents)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, full, overwrite: true);
    }
}
