using OCore.Runtime.Informers;

namespace OCore.Runtime.Tests.Informers;

public sealed class StringPoolTests
{
    [Fact]
    public void Equal_strings_come_back_as_one_instance()
    {
        var pool = new StringPool(capacity: 10);
        var first = pool.Intern(new string("Ready".AsSpan()));
        var second = pool.Intern(new string("Ready".AsSpan()));

        Assert.Same(first, second);
        Assert.Null(pool.Intern(null));
    }

    [Fact]
    public void Past_its_capacity_the_pool_stops_growing_and_returns_strings_as_they_are()
    {
        var pool = new StringPool(capacity: 2);
        pool.Intern("a");
        pool.Intern("b");
        var unique = new string("c".AsSpan());

        Assert.Same(unique, pool.Intern(unique));
        Assert.Equal(2, pool.Count);
        Assert.Same(pool.Intern("a"), pool.Intern(new string("a".AsSpan())));
    }

    [Fact]
    public void Long_strings_are_not_pooled()
    {
        var pool = new StringPool(capacity: 10);
        var text = new string('x', 300);

        Assert.Same(text, pool.Intern(text));
        Assert.Equal(0, pool.Count);
    }
}
