namespace OCore.Operator.Workloads;

/// <summary>
/// The fixed shell scripts of the build Job. Untrusted values (commit, URL, repository) reach them only as
/// environment variables, always quoted, so nothing a pusher controls is ever parsed as shell.
/// </summary>
internal static class BuildScripts
{
    public const string CommitVariable = "OCORE_COMMIT";
    public const string RepositoryUrlVariable = "OCORE_REPOSITORY_URL";
    public const string ImageRepositoryVariable = "OCORE_IMAGE_REPOSITORY";

    public const string SourceDirectory = "/workspace/src";

    /// <summary>The line the controller reads from the build log; the same prefix as its parser expects.</summary>
    public const string ImageLinePrefix = "oCore image: ";

    /// <summary>Fetches exactly the commit (shallow when the server allows fetching a commit id), with submodules.</summary>
    public const string Clone = $$"""
        set -eu
        git init -q {{SourceDirectory}}
        cd {{SourceDirectory}}
        git remote add origin "${{{RepositoryUrlVariable}}}"
        git fetch --depth 1 origin "${{{CommitVariable}}}" || git fetch origin
        git -c advice.detachedHead=false checkout --detach "${{{CommitVariable}}}"
        git submodule update --init --recursive --depth 1
        # The image needs the files, not the history.
        find . -name .git -prune -exec rm -rf {} +
        """;

    /// <summary>Runs kaniko with the container's arguments, then prints the pushed image with the digest kaniko wrote.</summary>
    public const string Build = $$"""
        set -e
        /kaniko/executor "$@"
        printf '{{ImageLinePrefix}}%s:%s@%s\n' "${{{ImageRepositoryVariable}}}" "${{{CommitVariable}}}" "$(cat /dev/termination-log)"
        """;
}
