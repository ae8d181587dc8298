using System.CommandLine;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>Written beside FILE and renamed at the end, so no half backup ever has the final name. Safe while the server runs.</summary>
public sealed class BackupVerb : ICliVerb
{
    public string Name => "backup";

    public Command Create(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { Description = "The tar file to write.", Required = true };
        var json = new Option<bool>("--json") { Description = "The manifest as one JSON document on standard output." };
        var command = new Command(Name, "Back up the project: database dump, slice store, run files and models, in one tar file.")
        {
            output, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(output)!;
            if (target.Directory is { Exists: false })
            {
                await context.Error.WriteLineAsync($"The folder {target.DirectoryName} does not exist.");
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            var backups = services.GetRequiredService<ProjectBackupService>();
            BackupManifest manifest;
            try
            {
                manifest = await CliFiles.WriteAtomicallyAsync(target.FullName, stream => backups.WriteAsync(stream, cancellationToken));
            }
            catch (BackupException exception)
            {
                await context.Error.WriteLineAsync(exception.Message);
                return 1;
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, new BackupOutput(target.FullName, manifest));
            }
            else
            {
                var parts = string.Join(", ", manifest.Parts.Select(p => $"{p.Key} {p.Value.Files} files ({p.Value.Bytes} bytes)"));
                await context.Out.WriteLineAsync($"Wrote {target.FullName}: the {manifest.Provider} database at {manifest.LastMigration}; {parts}.");
            }

            return 0;
        });
        return command;
    }
}

internal sealed record BackupOutput(string File, BackupManifest Manifest);
