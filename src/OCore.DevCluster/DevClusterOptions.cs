
namespace OCore.DevCluster;

/// <summary>How to start a <see cref="DevClusterServer"/>. Every property has a test-friendly default.</summary>
public sealed class DevClusterOptions
{
    /// <summary>Loopback port to listen on; 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Where to write a kubeconfig (CA data + admin token) once the server is ready; null writes none.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>
    /// Directory for the journal, CA and tokens. With it, a restarted DevCluster keeps every acknowledged object,
    /// resourceVersions keep growing, and old kubeconfigs stay valid. Null keeps everything in memory.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Optional static token file, one user per line: <c>token,user,uid,"group1,group2"</c>.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Bearer token of the admin user (group system:masters); generated when null.</summary>
    public string? AdminToken { get; set; }

    /// <summary>How long watch history is kept; resuming from an older resourceVersion answers 410 Gone.</summary>
    public TimeSpan WatchHistoryWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often watches that allow bookmarks receive a BOOKMARK event.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum level of DevCluster's own console logging.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;
}
