using System.ComponentModel.DataAnnotations;

namespace BlendSign.Data.Import.Dimse;

// C-MOVE needs the PACS to know this application as a DICOM node: register AeTitle at this host and ReceivePort with
// the PACS.
public sealed class DimseOptions
{
    public const string SectionName = "BlendSign:Import:Dimse";

    /// <summary>This application's AE title: the calling AE and the move destination.</summary>
    [Required, RegularExpression("^[ -~]{1,16}$")]
    public string AeTitle { get; set; } = "BLENDSIGN";

    /// <summary>Where the PACS's C-STORE sub-operations arrive during a move.</summary>
    [Range(1, 65535)]
    public int ReceivePort { get; set; } = 11113;

    /// <summary>DCMTK's movescu (Debian's dcmtk package).</summary>
    [Required]
    public string MovescuPath { get; set; } = "/usr/bin/movescu";

    /// <summary>A study's move that takes longer is stopped and the study refused.</summary>
    [Range(1, 86400)]
    public int StudyTimeoutSeconds { get; set; } = 1800;
}
