using System.IO.Compression;
using BlendSign.Data.Import;

namespace BlendSign.Web.Features.Import;

/// <summary>Saved under numbered names (what the browser calls a file never becomes a path here); the folder goes when the import ends.</summary>
public sealed class UploadedFiles(string folder)
{
    private const int MaxNameLength = 260;
    private readonly List<(string Saved, string Original)> _files = [];

    public string Folder { get; } = folder;

    public IReadOnlyList<string> Paths => [.. _files.Select(f => f.Saved)];

    public int Count => _files.Count;

    public long Bytes { get; private set; }

    /// <summary>Copies one uploaded file to disk; false (and the bytes so far removed) once the upload passes <paramref name="limit"/> bytes.</summary>
    public async Task<bool> AddAsync(string originalName, Stream content, long limit, CancellationToken cancellationToken)
    {
        var name = Clean(originalName);
        var saved = Path.Combine(Folder, $"{_files.Count:D6}{(name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ".zip" : ".dcm")}");
        _files.Add((saved, name));
        await using var target = new FileStream(saved, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Bytes += read;
            if (Bytes > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    /// <summary>The files the import will judge: one per plain file, one per entry of each archive.</summary>
    public int CountItems()
    {
        var items = 0;
        foreach (var (saved, _) in _files)
        {
            if (!saved.EndsWith(".zip", StringComparison.Ordinal))
            {
                items++;
                continue;
            }

            try
            {
                using var archive = ZipFile.OpenRead(saved);
                items += archive.Entries.Count(e => !e.FullName.EndsWith('/'));
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                items++;
            }
        }

        return items;
    }

    public ImportReport Rename(ImportReport report)
    {
        var names = _files.ToDictionary(f => f.Saved, f => f.Original, StringComparer.Ordinal);
        return report with { Items = [.. report.Items.Select(item => item with { File = Original(item.File, names) })] };
    }

    public void Delete()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string Original(string file, Dictionary<string, string> names)
    {
        var bang = file.IndexOf('!', StringComparison.Ordinal);
        var saved = bang < 0 ? file : file[..bang];
        return names.TryGetValue(saved, out var original) ? original + (bang < 0 ? "" : file[bang..]) : file;
    }

    private static string Clean(string name)
    {
        var printable = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (printable.Length == 0)
        {
            printable = "unnamed";
        }

        return printable.Length <= MaxNameLength ? printable : printable[^MaxNameLength..];
    }
}
