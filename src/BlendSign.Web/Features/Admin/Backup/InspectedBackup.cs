using System.Formats.Tar;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>Read through once, headers only, before anything is written.</summary>
public sealed record InspectedBackup(string Path, BackupManifest Manifest)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public static InspectedBackup Inspect(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new BackupException($"No such file: {path}");
        }

        var (found, databaseEntry, manifest) = ReadHeaders(path, name);
        if (manifest is null)
        {
            throw new BackupException($"{name} is not a BlendSign backup, or it was truncated: it has no manifest.json.");
        }

        if (databaseEntry != manifest.DatabaseEntry || found[BackupLayout.Database].Files != 1)
        {
            throw new BackupException($"{name} is incomplete: its manifest names the dump {manifest.DatabaseEntry}, which it does not hold once.");
        }

        CheckParts(name, found, manifest);
        return new InspectedBackup(path, manifest);
    }

    private static (Dictionary<string, BackupPart> Found, string? DatabaseEntry, BackupManifest? Manifest) ReadHeaders(string path, string name)
    {
        var found = BackupLayout.Parts.ToDictionary(p => p, _ => BackupPart.Empty, StringComparer.Ordinal);
        string? databaseEntry = null;
        BackupManifest? manifest = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new TarReader(stream);
            while (reader.GetNextEntry() is { } entry)
            {
                var (part, _) = BackupLayout.Split(entry.Name, name);
                if (entry.EntryType == TarEntryType.Directory)
                {
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    throw new BackupException($"{name} holds '{entry.Name}', a {entry.EntryType} entry; a BlendSign backup holds only files. Nothing was restored.");
                }

                if (part is null)
                {
                    manifest = BackupManifest.Read(entry.DataStream ?? Stream.Null, name);
                    continue;
                }

                if (part == BackupLayout.Database)
                {
                    databaseEntry = entry.Name;
                }
                else if (databaseEntry is null)
                {
                    throw new BackupException($"{name} is not a BlendSign backup: its files come before the database dump.");
                }

                found[part] = found[part].Add(entry.Length);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new BackupException($"{name} is not a readable tar file (truncated or corrupt): {exception.Message}", exception);
        }

        return (found, databaseEntry, manifest);
    }

    private static void CheckParts(string name, Dictionary<string, BackupPart> found, BackupManifest manifest)
    {
        foreach (var part in BackupLayout.Parts)
        {
            var expected = manifest.Parts.GetValueOrDefault(part) ?? BackupPart.Empty;
            if (found[part] != expected)
            {
                throw new BackupException(
                    $"{name} is truncated or corrupt: it holds {found[part].Files} {part} files ({found[part].Bytes} bytes), its manifest says {expected.Files} ({expected.Bytes} bytes).");
            }
        }
    }
}
