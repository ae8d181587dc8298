using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Training;

public class BatchPrefetcherTests
{
    private static TrainingBatch Batch(int i) => new(full(1, 3, 2, 2, (float)i), tensor(new long[] { i }), null, null, null, null);

    [Fact]
    public void Batches_LoadedAhead_ComeInOrder()
    {
        using var prefetcher = new BatchPrefetcher(5, Batch, depth: 2);

        var labels = prefetcher.Batches().Select(b =>
        {
            using (b)
            {
                return b.Labels.item<long>();
            }
        }).ToArray();

        Assert.Equal([0L, 1, 2, 3, 4], labels);
    }

    [Fact]
    public void Batches_LoaderFails_SurfacesTheError()
    {
        using var prefetcher = new BatchPrefetcher(3, i => i == 1 ? throw new InvalidDataException("bad slice") : Batch(i));

        var error = Assert.Throws<InvalidDataException>(() => prefetcher.Batches().ToList().ForEach(b => b.Dispose()));
        Assert.Equal("bad slice", error.Message);
    }

    [Fact]
    public void Dispose_ConsumerStopsEarly_StopsTheLoader()
    {
        var loaded = 0;
        var prefetcher = new BatchPrefetcher(1000, i => { Interlocked.Increment(ref loaded); return Batch(i); }, depth: 2);
        using (var first = prefetcher.Batches().First())
        {
            Assert.Equal(0L, first.Labels.item<long>());
        }

        prefetcher.Dispose();

        Assert.InRange(Volatile.Read(ref loaded), 1, 5);
    }
}
