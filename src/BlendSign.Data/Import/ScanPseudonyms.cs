using System.Globalization;

namespace BlendSign.Data.Import;

/// <summary>
/// Pseudonymous scan ids "SCAN-0001", "SCAN-0002", … handed out in import order: stable once given and
/// derived from nothing in the files, so they reveal nothing about the patient.
/// </summary>
internal static class ScanPseudonyms
{
    public const string Prefix = "SCAN-";

    public static string Format(int number) => Prefix + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>One more than the highest number among the existing ids (ids of another form are ignored).</summary>
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
