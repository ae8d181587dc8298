namespace BlendSign.Data.Demo;

internal static class RandomExtensions
{
    public static double Uniform(this Random random, double min, double max) => min + (max - min) * random.NextDouble();

    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A seed for one independent stream, from a base seed and stream numbers (stable across runs, unlike HashCode).</summary>
    public static int DeriveSeed(int seed, int stream, int substream = 0)
    {
        unchecked
        {
            var hash = (uint)seed * 2654435761u;
            hash ^= (uint)stream * 2246822519u + 0x9E3779B9u + (hash << 6) + (hash >> 2);
            hash ^= (uint)substream * 3266489917u + 0x9E3779B9u + (hash << 6) + (hash >> 2);
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    /// <summary>FNV-1a of a string's UTF-16 code units: a hash that, unlike string.GetHashCode, is the same in every process.</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
