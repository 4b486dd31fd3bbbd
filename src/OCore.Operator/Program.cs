using OCore.Operator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, OperatorServices.Switches.ToDictionary());
builder.AddOperatorLogging();
builder.Services.AddOperator();
var app = builder.Build();
app.MapOperatorEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to tests that host the operator in-process.</summary>
public partial class Program;
