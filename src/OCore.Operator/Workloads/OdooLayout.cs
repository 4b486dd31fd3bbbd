namespace OCore.Operator.Workloads;

/// <summary>Where the official Odoo image keeps things, and the ports it serves.</summary>
public static class OdooLayout
{
    public const string ConfigDirectory = "/etc/odoo";
    public const string ConfigFileName = "odoo.conf";
    public const string ConfigFile = ConfigDirectory + "/" + ConfigFileName;
    public const string DataDirectory = "/var/lib/odoo";

    /// <summary>The image's default addons path: the repository is copied here, so the image also runs with its own odoo.conf.</summary>
    public const string AddonsDirectory = "/mnt/extra-addons";

    public const int HttpPort = 8069;

    /// <summary>The gevent port serving /websocket (longpolling before Odoo 16) when Odoo runs with workers.</summary>
    public const int WebsocketPort = 8072;

    /// <summary>The odoo user of the official image.</summary>
    public const long UserId = 101;

    public const string HealthPath = "/web/health";
    public const string WebsocketPath = "/websocket";
}
