using BlendSign.Model.Training;

namespace BlendSign.Model.Tests.Support;

/// <summary>
/// Tiny deterministic images: a background whose brightness depends on the sample id, and a bright square whose
/// size grows with the label the test gives each sample. Counts how many images were asked for.
/// </summary>
internal sealed class SyntheticImageSource(IReadOnlyDictionary<string, int> labels) : IImageSource
{
    private int _requests;

    /// <summary>Images asked for so far (the loader asks from a background task).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public float[] GetImage(string sampleId, int imageSize)
    {
        Interlocked.Increment(ref _requests);
        var label = labels[sampleId];
        var background = sampleId.Sum(ch => ch) % 100 / 400f;
        var half = label * imageSize / 8;
        var image = new float[3 * imageSize * imageSize];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < imageSize; y++)
            {
                for (var x = 0; x < imageSize; x++)
                {
                    var inside = Math.Abs(y - imageSize / 2) < half && Math.Abs(x - imageSize / 2) < half;
                    image[(c * imageSize + y) * imageSize + x] = inside ? 0.9f - 0.1f * c : background;
                }
            }
        }

        return image;
    }

    /// <summary>Examples for <paramref name="scans"/> scans of <paramref name="slicesPerScan"/> slices; every third scan has a blend sign.</summary>
    public static (IReadOnlyList<TrainingExample> Examples, SyntheticImageSource Source) Create(int scans, int slicesPerScan)
    {
        var examples = new List<TrainingExample>();
        for (var s = 0; s < scans; s++)
        {
            for (var i = 0; i < slicesPerScan; i++)
            {
                var label = i == 0 ? 0 : s % 3 == 0 && i == 1 ? 2 : i % 2;
                // The bright square's box, in the pixels of a 512×512 slice (the image source draws it at any size).
                IReadOnlyList<GoldBox>? boxes = label == 0 ? null : [new GoldBox(256 - label * 64, 256 - label * 64, 256 + label * 64, 256 + label * 64, 512, 512)];
                examples.Add(new TrainingExample($"1.2.826.0.1.{s}.{i}", $"scan-{s}", label, boxes));
            }
        }

        return (examples, new SyntheticImageSource(examples.ToDictionary(e => e.SampleId, e => e.Label)));
    }
}
