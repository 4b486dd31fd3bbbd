namespace OCore.Operator.Workloads;

/// <summary>
/// The dump taken before modules are updated (the Odoo.sh rule: back up before an update), so a failed or wrong
/// update can be undone with <c>pg_restore</c>. It goes to the environment's filestore volume, under
/// <see cref="Directory"/>, named <c>&lt;db&gt;-&lt;UTC time&gt;-&lt;commit&gt;.dump</c>; the newest <c>kept</c> stay.
/// </summary>
public static class DatabaseBackup
{
    public const string Directory = OdooLayout.DataDirectory + "/backups";

    /// <summary>
    /// A POSIX shell script that dumps the database, keeps the newest dumps, then runs the update command it is
    /// given. Values come in as positional parameters (never pasted into the script): <c>$1</c> the database,
    /// <c>$2</c> how many dumps to keep, <c>$3</c> the commit, then the command. The image's entrypoint, when there
    /// is one, still runs the command, so Odoo gets its database connection as in the web pods.
    /// </summary>
    public const string Script = """
        set -eu
        db="$1"; keep="$2"; commit="$3"; shift 3
        mkdir -p "$BACKUP_DIR"
        file="$BACKUP_DIR/$db-$(date -u +%Y%m%dT%H%M%SZ)-$commit.dump"
        echo "Backing up database $db to $file before updating modules"
        PGPASSWORD="$PASSWORD" pg_dump --host="$HOST" --port="$PORT" --username="$USER" \
          --format=custom --no-owner --no-acl --file="$file.partial" "$db"
        mv "$file.partial" "$file"
        ls -1t "$BACKUP_DIR/$db"-*.dump | tail -n +"$((keep + 1))" | while IFS= read -r old; do rm -f -- "$old"; done
        if [ -x /entrypoint.sh ]; then exec /entrypoint.sh "$@"; fi
        exec "$@"
        """;
}
