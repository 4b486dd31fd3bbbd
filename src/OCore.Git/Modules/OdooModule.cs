namespace OCore.Git.Modules;

/// <summary>An Odoo module in one commit: its technical name (its folder's name), folder and manifest version.</summary>
internal sealed record OdooModule(string Name, string Directory, string? Version);
