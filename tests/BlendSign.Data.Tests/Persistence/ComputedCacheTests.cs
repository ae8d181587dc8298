using BlendSign.Data.Persistence;

namespace BlendSign.Data.Tests.Persistence;

public class ComputedCacheTests
{
    [Fact]
    public async Task GetAsync_SameKeyAtOnce_ComputedOnce()
    {
        var cache = new ComputedCache<int, int>(2);
        var computed = 0;
        var release = new TaskCompletionSource();

        async Task<int> Compute()
        {
            Interlocked.Increment(ref computed);
            await release.Task;
            return 42;
        }

        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetAsync(1, Compute)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task GetAsync_OverCapacity_LeastRecentlyUsedDropped()
    {
        var cache = new ComputedCache<int, string>(2);
        var computed = new List<int>();
        Task<string> Compute(int key)
        {
            lock (computed)
            {
                computed.Add(key);
            }

            return Task.FromResult(key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await cache.GetAsync(1, () => Compute(1));
        await cache.GetAsync(2, () => Compute(2));
        await cache.GetAsync(1, () => Compute(1));
        await cache.GetAsync(3, () => Compute(3));
        await cache.GetAsync(1, () => Compute(1));
        await cache.GetAsync(2, () => Compute(2));

        // 2 was the least recently used when 3 came: computed again; 1 was kept.
        Assert.Equal([1, 2, 3, 2], computed);
    }

    [Fact]
    public async Task GetAsync_ComputationFailed_NextCallerComputesAgain()
    {
        var cache = new ComputedCache<int, int>(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(1, () => throw new InvalidOperationException("database busy")));

        Assert.Equal(7, await cache.GetAsync(1, () => Task.FromResult(7)));
    }
}
