using OCore.Git.Modules;
using OCore.Testing;

namespace OCore.Git.Tests.Modules;

/// <summary>Real commits in a real repository: modules at the root and under addons/, plus files outside modules.</summary>
public sealed class OdooModuleChangesTests : IDisposable
{
    private readonly ScratchRepository repository = new();
    private readonly string deployed;

    public OdooModuleChangesTests()
    {
        deployed = repository
            .Write("README.md", "# Acme Odoo")
            .Write(".github/workflows/ci.yml", "on: push")
            .Write("requirements.txt", "requests==2.31.0\n")
            .Write("sale_ext/__manifest__.py", Manifest("Sale Extension", "17.0.1.0.0"))
            .Write("sale_ext/models/sale.py", "class Sale: pass\n")
            .Write("addons/stock_ext/__manifest__.py", Manifest("Stock Extension", "17.0.1.0.0"))
            .Write("addons/stock_ext/views/stock.xml", "<odoo/>")
            .Write("addons/hr_ext/__manifest__.py", Manifest("HR Extension", "17.0.1.0.0"))
            .Commit("deployed");
    }

    [Fact]
    public void A_changed_file_updates_its_module_only()
    {
        var next = repository.Write("addons/stock_ext/views/stock.xml", "<odoo><record/></odoo>").Commit("change view");

        var changes = Compute(next);

        Assert.Equal(["stock_ext"], changes.Update);
        Assert.Empty(changes.Install);
        Assert.Empty(changes.Removed);
        Assert.False(changes.RequirementsChanged);
        Assert.Equal("1 file changed: views/stock.xml", changes.Reasons["stock_ext"]);
    }

    [Fact]
    public void A_manifest_version_bump_updates_the_module_and_says_so()
    {
        var next = repository.Write("sale_ext/__manifest__.py", Manifest("Sale Extension", "17.0.1.1.0")).Commit("bump");

        var changes = Compute(next);

        Assert.Equal(["sale_ext"], changes.Update);
        Assert.Contains("manifest version changed from 17.0.1.0.0 to 17.0.1.1.0", changes.Reasons["sale_ext"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_module_is_installed_not_updated()
    {
        var next = repository
            .Write("addons/account_ext/__manifest__.py", Manifest("Account Extension", "17.0.1.0.0"))
            .Write("addons/account_ext/models/move.py", "class Move: pass\n")
            .Commit("new module");

        var changes = Compute(next);

        Assert.Equal(["account_ext"], changes.Install);
        Assert.Empty(changes.Update);
        Assert.Equal("new module", changes.Reasons["account_ext"]);
    }

    [Fact]
    public void A_deleted_module_is_reported_removed_and_never_updated()
    {
        var next = repository.Delete("sale_ext").Commit("drop sale_ext");

        var changes = Compute(next);

        Assert.Equal(["sale_ext"], changes.Removed);
        Assert.Empty(changes.Update);
        Assert.Empty(changes.Install);
    }

    [Fact]
    public void A_requirements_change_is_flagged_without_touching_modules()
    {
        var next = repository.Write("requirements.txt", "requests==2.32.3\n").Commit("bump requests");

        var changes = Compute(next);

        Assert.True(changes.RequirementsChanged);
        Assert.Empty(changes.Update);
        Assert.Empty(changes.Install);
    }

    [Fact]
    public void A_requirements_file_inside_an_addons_folder_counts_too()
    {
        var next = repository.Write("addons/requirements.txt", "zeep\n").Commit("addons requirements");

        Assert.True(Compute(next).RequirementsChanged);
    }

    [Fact]
    public void Changes_outside_modules_change_nothing()
    {
        var next = repository
            .Write("README.md", "# Acme Odoo\nHow to deploy.")
            .Write(".github/workflows/ci.yml", "on: [push, pull_request]")
            .Commit("docs and CI");

        var changes = Compute(next);

        Assert.Empty(changes.Update);
        Assert.Empty(changes.Install);
        Assert.Empty(changes.Removed);
        Assert.False(changes.RequirementsChanged);
        Assert.Empty(changes.Reasons);
    }

    [Fact]
    public void Several_changes_at_once_are_each_sorted()
    {
        var next = repository
            .Write("sale_ext/models/sale.py", "class Sale: total = 0\n")
            .Write("addons/hr_ext/__manifest__.py", Manifest("HR Extension", "17.0.2.0.0"))
            .Write("addons/account_ext/__manifest__.py", Manifest("Account", "17.0.1.0.0"))
            .Write("addons/base_ext/__manifest__.py", Manifest("Base", "17.0.1.0.0"))
            .Delete("addons/stock_ext")
            .Commit("many");

        var changes = Compute(next);

        Assert.Equal(["hr_ext", "sale_ext"], changes.Update);
        Assert.Equal(["account_ext", "base_ext"], changes.Install);
        Assert.Equal(["stock_ext"], changes.Removed);
    }

    [Fact]
    public void A_first_deployment_installs_every_module()
    {
        var changes = OdooModuleChanges.Compute(repository.Path, previousCommit: null, deployed);

        Assert.Equal(["hr_ext", "sale_ext", "stock_ext"], changes.Install);
        Assert.Empty(changes.Update);
        Assert.Empty(changes.Removed);
        Assert.True(changes.RequirementsChanged);
        Assert.Equal("first deployment", changes.Reasons["sale_ext"]);
    }

    [Fact]
    public void A_commit_missing_from_the_repository_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OdooModuleChanges.Compute(repository.Path, new string('a', 40), deployed));

        Assert.Contains("fetch it first", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();

    private OdooModuleChanges Compute(string next) => OdooModuleChanges.Compute(repository.Path, deployed, next);

    private static string Manifest(string name, string version) => $$"""
        # -*- coding: utf-8 -*-
        {
            "name": "{{name}}",
            'version': '{{version}}',  # bump on every release
            "depends": ["base"],
            "data": [
                "views/stock.xml",
            ],
            "installable": True,
        }

        """;
}
