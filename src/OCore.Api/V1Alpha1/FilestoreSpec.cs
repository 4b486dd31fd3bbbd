using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[CelRule("!(has(self.size) && has(self.claimName))", "set filestore size (a new volume) or claimName (an existing one), not both")]
public sealed class FilestoreSpec
{
    [Description("Size of a volume oCore creates, e.g. 10Gi (the default).")]
    [RegularExpression(Patterns.Quantity)]
    public string? Size { get; set; }

    [Description("An existing PersistentVolumeClaim to use instead.")]
    [RegularExpression(Patterns.Dns1123Subdomain)]
    public string? ClaimName { get; set; }

    [Description("Storage class of a volume oCore creates.")]
    public string? StorageClassName { get; set; }
}
