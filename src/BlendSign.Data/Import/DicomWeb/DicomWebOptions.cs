using System.ComponentModel.DataAnnotations;

namespace BlendSign.Data.Import.DicomWeb;

public sealed class DicomWebOptions
{
    public const string SectionName = "BlendSign:Import:DicomWeb";

    /// <summary>How long one request (a search page, or one instance's retrieval) may take.</summary>
    [Range(1, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 120;

    [Range(1, 32)]
    public int ParallelRetrievals { get; set; } = 4;

    /// <summary>Results asked for per QIDO-RS page (<c>limit</c>); the search pages on with <c>offset</c>.</summary>
    [Range(1, 10000)]
    public int PageSize { get; set; } = 500;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);
}
