namespace BlendSign.Data.Tests.Support;

/// <summary>TestData/pydicom_hu_hashes.csv: pydicom's HU hash per real file (see make_pydicom_hu_hashes.py).</summary>
internal static class PydicomHuHashes
{
    public sealed record Entry(string File, string TransferSyntax, string Decoder, int Rows, int Columns, string HuSha256);

    /// <summary>Entries keyed by the path relative to ../shared/data, e.g. "ct-ich-hu-subset/images/049_21.dcm".</summary>
    public static IReadOnlyDictionary<string, Entry> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "pydicom_hu_hashes.csv");
        return File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new Entry(f[0], f[1], f[2], int.Parse(f[3]), int.Parse(f[4]), f[7]))
            .ToDictionary(e => e.File, StringComparer.Ordinal);
    }
}
