using System.CommandLine;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>Stop the server and the workers first. A refusal (exit 1) changes nothing.</summary>
public sealed class RestoreVerb : ICliVerb
{
    public string Name => "restore";

    public Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The backup tar written by `backup`." };
        var force = new Option<bool>("--force") { Description = "Replace a project that has scans, users or training runs." };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command(Name, "Restore a project from a backup (stop the server and workers first).")
        {
            file, force, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                // The whole file is checked before the host starts, so a bad one touches nothing.
                var backup = InspectedBackup.Inspect(parse.GetValue(file)!.FullName);
                var services = await context.GetServicesAsync(cancellationToken);
                var outcome = await services.GetRequiredService<ProjectRestoreService>()
                    .RestoreAsync(backup, parse.GetValue(force), cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(context.Out, outcome);
                }
                else
                {
                    var files = string.Join(", ", outcome.Written.Select(p => $"{p.Value.Files} {p.Key} files"));
                    await context.Out.WriteLineAsync(
                        $"Restored {outcome.File}: the {outcome.Provider} database (backed up at {outcome.LastMigration}, now at {outcome.MigratedTo}); {files} written, {outcome.SlicesKept} slices already there.");
                }

                return 0;
            }
            catch (BackupException exception)
            {
                await context.Error.WriteLineAsync(exception.Message);
                return 1;
            }
        });
        return command;
    }
}
