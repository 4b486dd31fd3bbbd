using OCore.Api.Git;
using OCore.Git.Remote;

namespace OCore.Git.Tests.Remote;

public sealed class CommitCacheTests : IDisposable
{
    private static readonly RepositoryUrl Url = RepositoryUrl.Parse("git@github.com:acme/odoo-custom.git");
    private static readonly DeployKeyCredentials Key = new("key one", "");
    private readonly CommitCache cache = new(Directory.CreateTempSubdirectory("ocore-commits-t").FullName);

    [Fact]
    public async Task Keeps_a_local_copy_per_repository_and_key()
    {
        var first = await cache.UseAsync(Url, Key, Created, CancellationToken.None);
        var again = await cache.UseAsync(Url, Key, path => Task.FromResult(path), CancellationToken.None);
        var otherKey = await cache.UseAsync(Url, new DeployKeyCredentials("key two", ""), path => Task.FromResult(path), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.True(Directory.Exists(first));
        Assert.NotEqual(first, otherKey);
    }

    [Fact]
    public async Task A_failed_use_deletes_the_copy_so_the_next_starts_clean()
    {
        var path = await cache.UseAsync(Url, Key, Created, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.UseAsync<string>(Url, Key, _ => throw new InvalidOperationException("fetch killed half-way"), CancellationToken.None));

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public async Task Uses_of_one_copy_never_overlap()
    {
        var inside = 0;
        var most = 0;
        async Task<string> Work(string path)
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            await Task.Delay(20);
            Interlocked.Decrement(ref inside);
            return path;
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.UseAsync(Url, Key, Work, CancellationToken.None)));

        Assert.Equal(1, most);
    }

    [Fact]
    public async Task Past_its_capacity_the_least_recently_used_copies_are_deleted()
    {
        using var small = new CommitCache(Directory.CreateTempSubdirectory("ocore-commits-t").FullName, capacity: 2);
        var one = await small.UseAsync(Url, new DeployKeyCredentials("key one", ""), Created, CancellationToken.None);
        var two = await small.UseAsync(Url, new DeployKeyCredentials("key two", ""), Created, CancellationToken.None);
        await small.UseAsync(Url, new DeployKeyCredentials("key one", ""), Created, CancellationToken.None);
        var three = await small.UseAsync(Url, new DeployKeyCredentials("key three", ""), Created, CancellationToken.None);

        Assert.True(Directory.Exists(one));
        Assert.False(Directory.Exists(two));
        Assert.True(Directory.Exists(three));
        Directory.Delete(small.Root, recursive: true);
    }

    public void Dispose() => Directory.Delete(cache.Root, recursive: true);

    private static Task<string> Created(string path) => Task.FromResult(Directory.CreateDirectory(path).FullName);
}
