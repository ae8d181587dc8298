namespace BlendSign.Data.Configuration;

public sealed record DataPaths(string Root)
{
    public static DataPaths From(BlendSignOptions options) => new(Path.GetFullPath(options.DataDirectory));

    public string Database => Path.Combine(Root, "blendsign.db");
    public string SliceStore => Path.Combine(Root, "slices");
    public string Models => Path.Combine(Root, "models");
    public string Runs => Path.Combine(Root, "runs");
    public string Demo => Path.Combine(Root, "demo");
    /// <summary>Where sign-in keys lived before they moved into the database; read once by <c>DataProtectionKeyImport</c>.</summary>
    public string DataProtectionKeys => Path.Combine(Root, "keys");

    /// <summary>Browser uploads while they are imported; each upload's folder is deleted when its import ends.</summary>
    public string Uploads => Path.Combine(Root, "uploads");

    public string DefaultConnectionString => $"Data Source={Database};Default Timeout=30;Pooling=True";

    public void EnsureCreated()
    {
        foreach (var directory in new[] { Root, SliceStore, Models, Runs, Demo, Uploads })
        {
            Directory.CreateDirectory(directory);
        }
    }
}
