using System.CommandLine;
using OCore.Cli.Dev;

var root = new RootCommand("oCore: git push to a running Odoo on Kubernetes") { DevCommand.Create() };
return await root.Parse(args).InvokeAsync();
