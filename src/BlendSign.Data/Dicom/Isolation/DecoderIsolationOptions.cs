using System.ComponentModel.DataAnnotations;

namespace BlendSign.Data.Dicom.Isolation;

// Untrusted pixel data that needs a native codec is decoded in child processes, so a codec that aborts or hangs costs
// one file its verdict, not the server.
public sealed class DecoderIsolationOptions
{
    public const string SectionName = "BlendSign:Import:Decoder";

    /// <summary>False decodes everything in the server's own process (faster for compressed files, unsafe with untrusted ones).</summary>
    public bool Isolated { get; set; } = true;

    [Range(1, 32)]
    public int Processes { get; set; } = 2;

    /// <summary>A file's decode that takes longer is taken for a hang: the process is killed and the file rejected.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Left empty, the web project sets its own binary with the hidden <c>decode-worker</c> verb.</summary>
    public string[] WorkerCommand { get; set; } = [];

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
