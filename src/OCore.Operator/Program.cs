using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OCore.Operator.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, OperatorServices.Switches.ToDictionary());
builder.AddOperatorLogging();
builder.Services.AddOperator();
await builder.Build().RunAsync();
