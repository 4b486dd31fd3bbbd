using System.Security.Cryptography;
using System.Text;
using OCore.Api.Git;

namespace OCore.Git.Remote;

/// <summary>
/// Local bare repositories, one per repository and deploy key, kept between pushes for
/// <see cref="RemoteRepository.FetchBranchTipAsync"/>: the commit deployed before is then usually already there, so
/// a push costs one fetch, and that fetch only brings what changed. Work on one repository is serialised; a
/// repository whose work failed is deleted, so a fetch killed half-way (lock files, a partial shallow list) never
/// breaks the next one. Bounded: past <see cref="DefaultCapacity"/> copies the least recently used ones not in use
/// are deleted, so an operator serving thousands of projects does not fill its disk.
/// </summary>
public sealed class CommitCache : IDisposable
{
    /// <summary>How many repository copies are kept by default.</summary>
    public const int DefaultCapacity = 32;

    private readonly string _root;
    private readonly bool _ownsRoot;
    private readonly int _capacity;
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastUsed = new(StringComparer.Ordinal);
    private long _uses;

    /// <param name="root">The directory to keep the repositories in; null for a fresh private temporary one.</param>
    /// <param name="capacity">How many repository copies to keep at most.</param>
    public CommitCache(string? root = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _ownsRoot = root is null;
        // 0700: the repositories hold the projects' code.
        _root = root is null ? ProcessTempDirectory.Create("ocore-commits-") : Path.GetFullPath(root);
    }

    /// <summary>The operator's cache, removed when the process exits.</summary>
    public static CommitCache Shared => SharedCache.Value;

    private static Lazy<CommitCache> SharedCache { get; } = new(() =>
    {
        var cache = new CommitCache();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cache.Dispose();
        return cache;
    });

    public string Root => _root;

    /// <summary>
    /// Runs <paramref name="work"/> with the path of the repository's local copy (not created yet the first time),
    /// alone on that copy.
    /// </summary>
    public async Task<T> UseAsync<T>(RepositoryUrl url, DeployKeyCredentials credentials, Func<string, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(work);
        var path = Path.Combine(_root, KeyOf(url, credentials));
        SemaphoreSlim gate;
        lock (_gates)
        {
            gate = _gates.TryGetValue(path, out var existing) ? existing : _gates[path] = new SemaphoreSlim(1, 1);
            _lastUsed[path] = ++_uses;
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(path).ConfigureAwait(false);
        }
        catch
        {
            Delete(path);
            throw;
        }
        finally
        {
            gate.Release();
            EvictOverCapacity();
        }
    }

    /// <summary>Deletes the least recently used copies beyond the capacity, skipping any in use right now.</summary>
    private void EvictOverCapacity()
    {
        lock (_gates)
        {
            foreach (var path in _lastUsed.OrderBy(entry => entry.Value).Select(entry => entry.Key).Take(Math.Max(0, _lastUsed.Count - _capacity)).ToList())
            {
                var gate = _gates[path];
                if (!gate.Wait(0))
                    continue;
                Delete(path);
                _lastUsed.Remove(path);
                _gates.Remove(path);
                gate.Release();
            }
        }
    }

    public void Dispose()
    {
        if (_ownsRoot)
            Delete(_root);
    }

    /// <summary>Per deploy key too: one project's key never reads what another project's key fetched.</summary>
    private static string KeyOf(RepositoryUrl url, DeployKeyCredentials credentials)
    {
        var text = url.ToSshUrl() + "\n" + CredentialFiles.Normalize(credentials.PrivateKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    private static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the next use starts from whatever is left, and a failed fetch deletes it again.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
