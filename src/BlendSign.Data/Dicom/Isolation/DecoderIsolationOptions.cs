using System.ComponentModel.DataAnnotations;

namespace BlendSign.Data.Dicom.Isolation;

/// <summary>
/// The <c>BlendSign:Import:Decoder</c> configuration section: untrusted pixel data that needs a native codec is
/// decoded in child processes, so a codec that aborts or hangs costs one file its verdict, not the server.
/// </summary>
public sealed class DecoderIsolationOptions
{
    public const string SectionName = "BlendSign:Import:Decoder";

    /// <summary>False decodes everything in the server's own process (faster for compressed files, unsafe with untrusted ones).</summary>
    public bool Isolated { get; set; } = true;

    /// <summary>Decoder processes kept at most; each decodes one file at a time.</summary>
    [Range(1, 32)]
    public int Processes { get; set; } = 2;

    /// <summary>A file's decode that takes longer is taken for a hang: the process is killed and the file rejected.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The program and arguments that start one decoder process (the server's own binary with its hidden
    /// <c>decode-worker</c> verb, set by the web project when left empty).
    /// </summary>
    public string[] WorkerCommand { get; set; } = [];

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
