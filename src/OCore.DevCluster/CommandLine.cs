using System.Globalization;

namespace OCore.DevCluster;

/// <summary>Parses the executable's arguments into <see cref="DevClusterOptions"/>.</summary>
internal static class CommandLine
{
    public static bool TryParse(string[] args, out DevClusterOptions options, out string error)
    {
        options = new DevClusterOptions { LogLevel = LogLevel.Information };
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--kubeconfig" when value is not null:
                    options.KubeconfigPath = value;
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                    options.Port = port;
                    break;
                case "--data-dir" when value is not null:
                    options.DataDirectory = value;
                    break;
                case "--token-file" when value is not null:
                    options.TokenFile = value;
                    break;
                default:
                    error = $"unknown or incomplete argument: {args[i]}";
                    return false;
            }
            i++;
        }
        if (options.KubeconfigPath is null)
        {
            error = "--kubeconfig is required";
            return false;
        }
        return true;
    }
}
