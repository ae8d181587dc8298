using System.Globalization;
using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

/// <summary>Stops at the first problem that needs no database to see.</summary>
internal static class BoxCsvParser
{
    public static ParsedCsv<BoxCsvRow> Parse(TextReader text)
    {
        var seen = new Dictionary<(string Rater, string Sop, BoxGeometry Box), int>();
        return CsvTable.Parse(text, BoxCsv.Columns, (CsvRow row, out string? problem) =>
        {
            if (RaterSliceFields.Read(row, BoxCsv.RaterColumn, BoxCsv.SopInstanceUidColumn, out problem) is not { } fields)
            {
                return null;
            }

            var coordinates = new double[BoxCsv.CoordinateColumns.Count];
            for (var i = 0; i < coordinates.Length; i++)
            {
                var column = BoxCsv.CoordinateColumns[i];
                var value = row[column];
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out coordinates[i]) || !double.IsFinite(coordinates[i]))
                {
                    problem = value.Length == 0 ? $"{column} is empty." : $"{column} '{value}' is not a number.";
                    return null;
                }
            }

            // The file gives the center first (center_x, center_y, left, top, right, bottom).
            var box = new BoxGeometry(coordinates[2], coordinates[3], coordinates[4], coordinates[5], coordinates[0], coordinates[1]);
            problem = BoxProblems.Shape(box);
            var (rater, sop) = fields;
            var key = (LabelRaters.Normalize(rater), sop, box);
            if (problem is null && seen.TryGetValue(key, out var earlier))
            {
                problem = $"the same box as line {earlier}.";
            }

            if (problem is not null)
            {
                return null;
            }

            seen.Add(key, row.LineNumber);
            return new BoxCsvRow(row.LineNumber, rater, sop, box);
        });
    }
}
