using System.ComponentModel.DataAnnotations;
using BlendSign.Data.Persistence;

namespace BlendSign.Data.Configuration;

/// <summary>The <c>BlendSign</c> configuration section (appsettings.json, environment <c>BlendSign__*</c>).</summary>
public class BlendSignOptions
{
    public const string SectionName = "BlendSign";

    /// <summary>Database, slice store, models and demo files live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary><c>sqlite</c> (default file <c>{DataDirectory}/blendsign.db</c>) or <c>postgres</c> (then <c>ConnectionStrings:BlendSign</c> is required).</summary>
    [Required]
    [AllowedValues(DatabaseProviders.Sqlite, DatabaseProviders.Postgres, ErrorMessage = "BlendSign:DatabaseProvider must be 'sqlite' or 'postgres'.")]
    public string DatabaseProvider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Seed the demo (synthetic scans, accounts, simulated reads) when the database is empty.</summary>
    public bool Demo { get; set; }

    [Range(1, 2000)]
    public int DemoScans { get; set; } = 40;

    /// <summary>The demo accounts' password; when unset one is generated and printed once.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>Upper bound of the rendered-PNG cache, in megabytes.</summary>
    [Range(0, 65536)]
    public int RenderCacheMegabytes { get; set; } = 256;
}
