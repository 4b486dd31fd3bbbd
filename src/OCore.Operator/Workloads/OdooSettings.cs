using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>An environment's Odoo settings with their defaults applied.</summary>
public static class OdooSettings
{
    public const int DefaultReplicas = 1;
    public const int DefaultWorkers = 2;
    public const string DefaultFilestoreSize = "10Gi";

    /// <summary>spec.odoo.database.name, else the environment's name with dashes as underscores.</summary>
    public static string DatabaseName(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Spec.Odoo.Database.Name ?? environment.Metadata.Name.Replace('-', '_');
    }

    public static int Replicas(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Spec.Odoo.Replicas ?? DefaultReplicas;
    }

    public static int Workers(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Spec.Odoo.Workers ?? DefaultWorkers;
    }
}
