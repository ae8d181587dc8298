using System.CommandLine;
using BlendSign.Data.Dicom.Isolation;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Import;

/// <summary>Hidden: one isolated DICOM decoder process started by the importer itself; builds no host and touches no database.</summary>
public sealed class DecodeWorkerVerb : ICliVerb
{
    public const string VerbName = "decode-worker";

    public string Name => VerbName;

    public Command Create(CliContext context)
    {
        var command = new Command(Name, "Internal: decode DICOM files for the importer in a separate process.") { Hidden = true };
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var answers = Console.OpenStandardOutput();
            return await DecoderWorker.RunAsync(context.In, answers, cancellationToken);
        });
        return command;
    }
}
