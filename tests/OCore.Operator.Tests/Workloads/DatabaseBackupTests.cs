using System.Diagnostics;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

/// <summary>Runs the update Job's backup script with sh, a stand-in pg_dump and a stand-in image entrypoint.</summary>
public sealed class DatabaseBackupTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ocore-backup-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Backups => Path.Combine(root, "backups");

    private string Marker => Path.Combine(root, "updated");

    [Fact]
    public void Dumps_the_database_keeps_the_newest_dumps_then_runs_the_update_through_the_entrypoint()
    {
        Directory.CreateDirectory(Backups);
        for (var i = 0; i < 3; i++)
        {
            var old = Path.Combine(Backups, $"shop-2026010{i}T000000Z-aaaaaaaaaaaa.dump");
            File.WriteAllText(old, "old");
            File.SetLastWriteTimeUtc(old, new DateTime(2026, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc));
        }
        File.WriteAllText(Path.Combine(Backups, "other-db.dump"), "another database's");

        var (exitCode, output, _) = RunScript(pgDumpSucceeds: true, keep: 2);

        Assert.True(exitCode == 0, output);
        var dumps = Directory.GetFiles(Backups, "shop-*.dump").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, dumps.Count);
        Assert.Contains("shop-20260102T000000Z-aaaaaaaaaaaa.dump", dumps);
        Assert.Matches(@"^shop-\d{8}T\d{6}Z-0123456789ab\.dump$", dumps.Single(d => d!.EndsWith("0123456789ab.dump", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(Backups, "other-db.dump")));
        Assert.Equal("pg_dump --host=db.internal --port=5432 --username=odoo --format=custom --no-owner --no-acl shop password=s3cret",
            File.ReadAllText(Path.Combine(root, "pg_dump.args")).Trim());
        Assert.Equal("entrypoint: odoo -d shop -u sale", File.ReadAllText(Marker).Trim());
    }

    [Fact]
    public void A_failed_dump_fails_the_job_before_the_update_runs()
    {
        var (exitCode, _, error) = RunScript(pgDumpSucceeds: false, keep: 3);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("connection refused", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Marker));
        Assert.Empty(Directory.GetFiles(Backups, "*.dump"));
    }

    private (int ExitCode, string Output, string Error) RunScript(bool pgDumpSucceeds, int keep)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
        // Records its arguments (the file name aside, which holds a timestamp) and writes the dump where it is told.
        WriteExecutable(Path.Combine(bin, "pg_dump"), pgDumpSucceeds
            ? $$"""
              args="pg_dump"; file=""
              for a in "$@"; do case "$a" in --file=*) file="${a#--file=}" ;; *) args="$args $a" ;; esac; done
              echo "$args password=$PGPASSWORD" > '{{root}}/pg_dump.args'
              echo dump > "$file"
              """
            : "echo 'pg_dump: error: connection to server failed: connection refused' >&2; exit 1");
        var entrypoint = Path.Combine(root, "entrypoint.sh");
        WriteExecutable(entrypoint, $"echo \"entrypoint: $*\" > '{Marker}'");
        var script = DatabaseBackup.Script.Replace("/entrypoint.sh", entrypoint, StringComparison.Ordinal);

        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", script, "update-modules", "shop", keep.ToString(System.Globalization.CultureInfo.InvariantCulture), "0123456789ab", "odoo", "-d", "shop", "-u", "sale" })
            start.ArgumentList.Add(arg);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["BACKUP_DIR"] = Backups;
        start.Environment["HOST"] = "db.internal";
        start.Environment["PORT"] = "5432";
        start.Environment["USER"] = "odoo";
        start.Environment["PASSWORD"] = "s3cret";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static void WriteExecutable(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
