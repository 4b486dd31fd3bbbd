using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

public sealed class ProjectSpec
{
    [Required]
    [Description("The Git repository and how to reach it.")]
    public RepositorySpec Repository { get; set; } = new();

    [Required]
    [Description("The Odoo series the addons are built for.")]
    public ProjectOdooSpec Odoo { get; set; } = new();

    [Description("How often mapped branches are polled for pushes a lost webhook never delivered; 0s disables polling.")]
    [RegularExpression(Patterns.Duration)]
    [DefaultValue("5m")]
    public string? PollInterval { get; set; }

    [Description("Where deployment notifications are sent.")]
    [MaxLength(20)]
    public List<NotificationSink>? Notifications { get; set; }

    [Description("Commit status reporting without the GitHub App.")]
    public StatusReportingSpec? StatusReporting { get; set; }
}
