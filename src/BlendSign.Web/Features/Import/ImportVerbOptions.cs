using System.CommandLine;

namespace BlendSign.Web.Features.Import;

internal sealed class ImportVerbOptions
{
    public Argument<string[]> Paths { get; } = new("path")
    {
        Description = "DICOM files, folders (searched recursively) or .zip archives.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> AssumeCt { get; } = new("--assume-ct")
    {
        Description = "Vouch that grayscale slices of another modality (e.g. OT) hold CT values in HU.",
    };

    public Option<bool> AcceptBurnedIn { get; } = new("--accept-burned-in")
    {
        Description = "Accept, for this import, files whose pixels may show patient data (BurnedInAnnotation YES, or a secondary capture or derived image that does not say NO).",
    };

    public Option<string?> DicomWeb { get; } = new("--dicomweb") { Description = "Import from this DICOMweb root instead (e.g. http://pacs:8042/dicom-web)." };

    public Option<string[]> Studies { get; } = new("--study") { Description = "With --dicomweb: this study's series (repeatable)." };

    public Option<string[]> Series { get; } = new("--series") { Description = "With --dicomweb: this series (repeatable)." };

    public Option<string?> Since { get; } = new("--since") { Description = "With --dicomweb: studies from this date on (YYYY-MM-DD)." };

    public Option<string?> User { get; } = new("--user") { Description = "With --dicomweb: the PACS account (HTTP basic authentication)." };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin") { Description = "Read the PACS password from the first line of standard input." };

    public Option<string?> Dimse { get; } = new("--dimse") { Description = "Import by C-MOVE from this PACS (HOST:PORT of its DICOM port) instead; needs --called-ae and --study." };

    public Option<string?> CalledAe { get; } = new("--called-ae") { Description = "With --dimse: the PACS's AE title." };

    public Option<bool> Json { get; } = new("--json") { Description = "Write the report as one JSON document." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        foreach (Option option in (Option[])[AssumeCt, AcceptBurnedIn, DicomWeb, Studies, Series, Since, User, PasswordStdin, Dimse, CalledAe, Json])
        {
            command.Options.Add(option);
        }
    }
}
