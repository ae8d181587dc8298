using System.ComponentModel.DataAnnotations;

namespace BlendSign.Web.Features.Import;

public sealed class ImportUploadOptions
{
    public const string SectionName = "BlendSign:Import:Upload";

    /// <summary>The most one upload (all its files and archives together) may hold.</summary>
    [Range(1, 1024 * 1024)]
    public long MaxUploadMegabytes { get; set; } = 2048;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024 * 1024;
}
