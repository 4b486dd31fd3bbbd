namespace OCore.Cli.Commands;

public enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
