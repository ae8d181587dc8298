using System.Formats.Tar;
using System.Text.Json.Nodes;

namespace BlendSign.Web.Tests.Features.Admin.Backup;

/// <summary>Tampered copies of a real backup, for the refusals.</summary>
internal static class BackupTars
{
    /// <summary>A copy with <paramref name="extraName"/> (a small file) right after the database dump.</summary>
    public static void CopyWithExtraEntry(string source, string target, string extraName) =>
        Copy(source, target, (entry, writer) =>
        {
            writer.WriteEntry(entry);
            if (entry.Name.StartsWith("database/", StringComparison.Ordinal))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, extraName) { DataStream = new MemoryStream([1, 2, 3]) });
            }
        });

    /// <summary>A copy whose manifest claims <paramref name="provider"/>.</summary>
    public static void CopyWithProvider(string source, string target, string provider) =>
        Copy(source, target, (entry, writer) =>
        {
            if (entry.Name != "manifest.json")
            {
                writer.WriteEntry(entry);
                return;
            }

            var manifest = JsonNode.Parse(entry.DataStream!)!;
            manifest["provider"] = provider;
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry.Name)
            {
                DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString())),
            });
        });

    /// <summary>The first <paramref name="fraction"/> of the file's bytes.</summary>
    public static void Truncate(string source, string target, double fraction)
    {
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(target, bytes[..(int)(bytes.Length * fraction)]);
    }

    private static void Copy(string source, string target, Action<TarEntry, TarWriter> write)
    {
        using var input = File.OpenRead(source);
        using var reader = new TarReader(input);
        using var output = File.Create(target);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            write(entry, writer);
        }
    }
}
