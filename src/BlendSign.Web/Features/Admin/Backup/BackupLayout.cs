using BlendSign.Data.Persistence;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>Entry names are checked here before a restore writes anything: relative, no <c>..</c>, under a known part.</summary>
public static class BackupLayout
{
    public const string ManifestEntry = "manifest.json";
    public const string Database = "database";
    public const string Slices = "slices";
    public const string Runs = "runs";
    public const string Models = "models";
    public const string SqliteDump = "database/blendsign.db";
    public const string PostgresDump = "database/blendsign.pgdump";

    public static IReadOnlyList<string> Parts { get; } = [Database, Slices, Runs, Models];

    public static string DumpEntryFor(string provider) => provider == DatabaseProviders.Postgres ? PostgresDump : SqliteDump;

    public static string EntryName(string part, string folder, string file) =>
        $"{part}/{Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')}";

    /// <summary>Null part for the manifest; a <see cref="BackupException"/> for a name that is absolute, climbs with <c>..</c> or lies outside the parts.</summary>
    public static (string? Part, string Relative) Split(string entryName, string archiveName)
    {
        if (entryName == ManifestEntry)
        {
            return (null, "");
        }

        var segments = entryName.TrimEnd('/').Split('/');
        var unsafeName = entryName.Length == 0 || entryName[0] == '/' || entryName.Contains('\\', StringComparison.Ordinal)
            || Path.IsPathRooted(entryName) || segments.Any(s => s is ".." or "." or "");
        if (unsafeName)
        {
            throw new BackupException(
                $"{archiveName} holds the entry '{entryName}', which is absolute or climbs out of its folder; nothing was restored.");
        }

        return Parts.Contains(segments[0], StringComparer.Ordinal)
            ? (segments[0], string.Join('/', segments.Skip(1)))
            : throw new BackupException($"{archiveName} is not a BlendSign backup: it holds '{entryName}', outside {string.Join(", ", Parts)}.");
    }

    /// <summary>Where <paramref name="relative"/> goes under <paramref name="root"/>; checked again so no name escapes the folder.</summary>
    public static string Resolve(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root);
        var target = Path.GetFullPath(Path.Combine(fullRoot, relative));
        return target.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? target
            : throw new BackupException($"The entry '{relative}' would be written outside {fullRoot}; nothing more was restored.");
    }
}
