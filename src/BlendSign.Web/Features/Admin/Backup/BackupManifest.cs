using System.Text.Json;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>The last entry, written after everything else, so its counts describe what the file holds and a file cut short has none.</summary>
/// <param name="LastMigration">The newest migration applied to the dumped database; a restore refuses one it does not know (a newer version's).</param>
public sealed record BackupManifest(
    int FormatVersion,
    string Provider,
    string? LastMigration,
    DateTimeOffset CreatedAtUtc,
    string AppVersion,
    string DatabaseEntry,
    IReadOnlyDictionary<string, BackupPart> Parts)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // The manifest is read by people too (tar -xOf FILE manifest.json): "1.0+abc", not "1.0\u002Babc".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Read(Stream stream, string archiveName)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (JsonException exception)
        {
            throw new BackupException($"{archiveName} is not a BlendSign backup, or it was truncated: its manifest.json does not parse ({exception.Message}).", exception);
        }

        if (manifest is null || string.IsNullOrEmpty(manifest.Provider) || manifest.Parts is null || string.IsNullOrEmpty(manifest.DatabaseEntry))
        {
            throw new BackupException($"{archiveName} is not a BlendSign backup: its manifest.json lacks the provider, the database entry or the parts.");
        }

        return manifest.FormatVersion == CurrentFormat
            ? manifest
            : throw new BackupException(
                $"{archiveName} is a backup of format {manifest.FormatVersion}; this version of BlendSign reads format {CurrentFormat}. Restore it with the version that made it ({manifest.AppVersion}) or newer.");
    }
}
