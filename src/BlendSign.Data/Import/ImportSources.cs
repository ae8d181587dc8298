using System.IO.Compression;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Import;

// Lazy: a zip entry is extracted to a scratch file only when its turn comes, and nothing is listed ahead beyond one
// folder's names.
internal sealed class ImportSources(string scratchDirectory)
{
    /// <summary>A zip entry larger than the reader takes is no single slice; refusing it before extraction keeps a hostile archive from filling the disk.</summary>
    private const long MaxEntryBytes = DicomSliceReader.MaxFileBytes;

    /// <summary>Real DICOM deflates a few times at most; a thousandfold entry is built to fill the disk.</summary>
    public const long MaxCompressionRatio = 100;

    private int _sequence;

    public IEnumerable<ImportCandidate> Enumerate(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                foreach (var candidate in FromFile(path))
                {
                    yield return candidate;
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var candidate in FromFolder(path))
                {
                    yield return candidate;
                }
            }
            else
            {
                yield return Rejected(path, "file or folder not found");
            }
        }
    }

    private IEnumerable<ImportCandidate> FromFolder(string root)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            var (files, subfolders) = List(folder);
            if (files is null || subfolders is null)
            {
                yield return Rejected(folder, "folder could not be read");
                continue;
            }

            foreach (var file in files)
            {
                foreach (var candidate in FromFile(file))
                {
                    yield return candidate;
                }
            }

            // Pushed in reverse so that sub-folders are walked in name order.
            for (var i = subfolders.Length - 1; i >= 0; i--)
            {
                folders.Push(subfolders[i]);
            }
        }
    }

    private static (string[]? Files, string[]? Folders) List(string folder)
    {
        try
        {
            var files = Directory.GetFiles(folder);
            // Linked folders are not followed: a link loop would never end.
            var folders = Directory.GetDirectories(folder, "*",
                new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint });
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            return (files, folders);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    private IEnumerable<ImportCandidate> FromFile(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ImportCandidate(_sequence++, path, path, IsScratch: false, Rejection: null);
            yield break;
        }

        using var archive = OpenArchive(path);
        if (archive is null)
        {
            yield return Rejected(path, "not a readable zip archive");
            yield break;
        }

        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            yield return FromEntry(path, entry);
        }
    }

    private ImportCandidate FromEntry(string archivePath, ZipArchiveEntry entry)
    {
        var name = $"{archivePath}!{entry.FullName}";
        if (RefuseEntry(entry) is { } refusal)
        {
            return Rejected(name, refusal);
        }

        if (entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return Rejected(name, "zip archive inside a zip archive (unpack the outer archive first)");
        }

        if (entry.Length > MaxEntryBytes)
        {
            return Rejected(name, $"unreadable zip entry (larger than {MaxEntryBytes / (1024 * 1024)} MB, not a single slice)");
        }

        var sequence = _sequence++;
        var scratch = Path.Combine(scratchDirectory, $"{sequence}.dcm");
        try
        {
            using (var source = entry.Open())
            using (var target = new FileStream(scratch, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                source.CopyTo(target);
            }

            return new ImportCandidate(sequence, name, scratch, IsScratch: true, Rejection: null);
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or IOException)
        {
            File.Delete(scratch);
            return new ImportCandidate(sequence, name, null, IsScratch: false,
                $"unreadable zip entry ({DescribeZipFailure(exception)})");
        }
    }

    // Entries are never extracted under their own names, so refusing those that name a place outside the archive is
    // about telling the lead, not about where files land; a zip bomb is refused before a byte is extracted.
    private static string? RefuseEntry(ZipArchiveEntry entry)
    {
        var path = entry.FullName;
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            return "refused: the zip entry has an absolute path";
        }

        if (path.Split('/', '\\').Contains(".."))
        {
            return "refused: the zip entry's path climbs out of the archive (..)";
        }

        if (entry.Length > 0 && (entry.CompressedLength == 0 || entry.Length / entry.CompressedLength > MaxCompressionRatio))
        {
            var ratio = entry.CompressedLength == 0 ? "unbounded" : $"{entry.Length / entry.CompressedLength}:1";
            return $"refused: the zip entry inflates {ratio}, over {MaxCompressionRatio}:1 (a zip bomb?)";
        }

        return null;
    }

    private static string DescribeZipFailure(Exception exception) => exception is IOException
        ? "read error"
        : "damaged, or compressed with a method that cannot be read here";

    private static ZipArchive? OpenArchive(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ImportCandidate Rejected(string file, string reason) =>
        new(_sequence++, file, null, IsScratch: false, reason);
}
