using System.ComponentModel.DataAnnotations;

namespace BlendSign.Data.Configuration;

/// <summary>The <c>BlendSign</c> configuration section (appsettings.json, environment <c>BlendSign__*</c>).</summary>
public class BlendSignOptions
{
    public const string SectionName = "BlendSign";

    /// <summary>Database, slice store, models and demo files live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Seed the demo (synthetic scans, accounts, simulated reads) when the database is empty.</summary>
    public bool Demo { get; set; }

    /// <summary>How many synthetic scans the first-start demo writes.</summary>
    [Range(1, 2000)]
    public int DemoScans { get; set; } = 40;

    /// <summary>The demo accounts' password; when unset one is generated and printed once.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>Upper bound of the rendered-PNG cache, in megabytes.</summary>
    [Range(0, 65536)]
    public int RenderCacheMegabytes { get; set; } = 256;
}
