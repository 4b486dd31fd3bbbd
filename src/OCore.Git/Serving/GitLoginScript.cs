namespace OCore.Git.Serving;

/// <summary>
/// The ForceCommand of the git server. Whatever a key asks sshd to run, this runs instead: only a read of a
/// repository below the root (clone, fetch and ls-remote all run git-upload-pack). A deploy key must never get a
/// shell on the machine, nor reach a path outside the root; and mapping <c>/owner/name.git</c> below the root gives
/// repositories the short URLs a provider would.
/// </summary>
internal static class GitLoginScript
{
    public static string For(string repositoriesRoot) => $$"""
        #!/bin/sh
        # Written by oCore's SshGitServer: serves git-upload-pack for repositories below the root, nothing else.
        root={{ShellQuote.Quote(repositoriesRoot)}}
        case "$SSH_ORIGINAL_COMMAND" in
          "git-upload-pack '"*"'") ;;
          *) echo "This git server only serves clone, fetch and ls-remote (git-upload-pack), not: $SSH_ORIGINAL_COMMAND" >&2; exit 1 ;;
        esac
        path=${SSH_ORIGINAL_COMMAND#"git-upload-pack '"}
        path=${path%"'"}
        case "$path" in
          ""|*"'"*|*..*|*'\'*) echo "fatal: '$path' does not appear to be a git repository" >&2; exit 128 ;;
        esac
        exec git upload-pack "$root/${path#/}"

        """;
}
