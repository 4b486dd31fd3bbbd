namespace OCore.Management;

/// <summary>The user roles oCore installs (charts/ocore/templates/user-roles.yaml), named in permission errors.</summary>
public static class Roles
{
    public const string ViewProjects = "ocore-view-projects";
    public const string ManageProjects = "ocore-manage-projects";
    public const string ManageOrgSettings = "ocore-manage-org-settings";
}
