using System.CommandLine;
using BlendSign.Data.Dicom;
using BlendSign.Data.Export;
using BlendSign.Data.Rendering;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Reading;

/// <summary>npy is the slice in HU at its original size; png is the rendered 512×512 view.</summary>
public sealed class ExportSliceVerb : ICliVerb
{
    public string Name => "export-slice";

    public Command Create(CliContext context)
    {
        var sop = new Option<string>("--sop") { Description = "The slice's SOP Instance UID.", Required = true };
        var format = new Option<string>("--format") { Description = "npy (HU) or png (rendered view).", Required = true };
        format.AcceptOnlyFromAmong("npy", "png");
        var window = new Option<string>("--window")
        {
            Description = "The PNG's window: rgb3 (the study's three windows as RGB), brain, subdural or bone.",
            DefaultValueFactory = _ => "rgb3",
        };
        window.AcceptOnlyFromAmong("rgb3", "brain", "subdural", "bone");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var command = new Command(Name, "Export one imported slice as .npy (HU) or .png (rendered).")
        {
            sop, format, window, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            var exporter = services.GetRequiredService<SliceExporter>();
            var uid = parse.GetValue(sop)!;
            var slice = await exporter.FindAsync(uid, cancellationToken);
            if (slice is null)
            {
                await context.Error.WriteLineAsync($"No imported slice has SOP Instance UID {uid}.");
                return 1;
            }

            var target = parse.GetValue(output)!;
            if (target.Directory is { Exists: false })
            {
                await context.Error.WriteLineAsync($"The folder {target.DirectoryName} does not exist.");
                return 1;
            }

            return parse.GetValue(format) == "png"
                ? await ExportPngAsync(context, services.GetRequiredService<SliceRenderer>(), slice, parse.GetValue(window)!, target, cancellationToken)
                : await ExportNpyAsync(context, slice, target, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExportNpyAsync(CliContext context, HuSlice slice, FileInfo target, CancellationToken cancellationToken)
    {
        NpyDataType type;
        await using (var file = new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            type = NpyWriter.Write(slice, file);
            await file.FlushAsync(cancellationToken);
        }

        await context.Out.WriteLineAsync(
            $"Wrote {target.FullName}: {slice.Rows}x{slice.Columns} HU as {type.ToString().ToLowerInvariant()}.");
        return 0;
    }

    /// <summary>The rendered 512×512 view, exactly what the viewer shows for <paramref name="window"/>.</summary>
    private static async Task<int> ExportPngAsync(
        CliContext context, SliceRenderer renderer, HuSlice slice, string window, FileInfo target, CancellationToken cancellationToken)
    {
        if (!WindowPresets.TryGet(window, out var preset))
        {
            await context.Error.WriteLineAsync($"Unknown window '{window}'. Use one of: {string.Join(", ", WindowPresets.Names)}.");
            return 1;
        }

        await File.WriteAllBytesAsync(target.FullName, renderer.RenderPng(slice, preset), cancellationToken);
        await context.Out.WriteLineAsync($"Wrote {target.FullName}: {preset.Name} view, 512x512 PNG.");
        return 0;
    }
}
