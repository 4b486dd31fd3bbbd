using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class OdooWorkloadSpec
{
    [Description("Web replicas; more than one needs a ReadWriteMany filestore.")]
    [Range(0, 20)]
    [DefaultValue(1)]
    public int? Replicas { get; set; }

    [Description("Odoo HTTP worker processes per replica (--workers).")]
    [Range(0, 64)]
    [DefaultValue(2)]
    public int? Workers { get; set; }

    [Description("Requests and limits of the web and cron containers.")]
    public ResourceRequirements? Resources { get; set; }

    [Required]
    [Description("The PostgreSQL database.")]
    public DatabaseSpec Database { get; set; } = new();

    [Description("The filestore volume.")]
    public FilestoreSpec? Filestore { get; set; }

    [Description("Public access; no Ingress when absent.")]
    public IngressSpec? Ingress { get; set; }
}
