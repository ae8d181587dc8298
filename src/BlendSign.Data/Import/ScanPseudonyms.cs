using System.Globalization;

namespace BlendSign.Data.Import;

// Handed out in import order and derived from nothing in the files, so they reveal nothing about the patient.
internal static class ScanPseudonyms
{
    public const string Prefix = "SCAN-";

    public static string Format(int number) => Prefix + number.ToString("D4", CultureInfo.InvariantCulture);

    public static int Next(IEnumerable<string> existing)
    {
        var highest = 0;
        foreach (var id in existing)
        {
            if (id.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(id.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest + 1;
    }
}
