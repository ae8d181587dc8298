using System.Globalization;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Training;

internal static class TrainingFormat
{
    public static string Metric(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    /// <summary>"0.812 ± 0.041" (mean ± SD over folds); the SD is left out when a single fold defines the metric.</summary>
    public static string MeanSd(MetricSummary summary) => summary.Mean is not { } mean ? "–"
        : summary.StandardDeviation is { } sd ? string.Create(CultureInfo.InvariantCulture, $"{mean:0.000} ± {sd:0.000}")
        : Metric(mean);

    /// <summary>A signed difference, "+0.031" / "−0.012"; "–" when either side is undefined.</summary>
    public static string Difference(double? value, double? baseline) => value is { } v && baseline is { } b
        ? (v - b >= 0 ? "+" : "−") + Math.Abs(v - b).ToString("0.000", CultureInfo.InvariantCulture)
        : "–";

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A confusion matrix (rows gold, columns predicted) as the shared heatmap component takes it.</summary>
    public static double[,] Grid(IReadOnlyList<IReadOnlyList<int>> matrix)
    {
        var values = new double[matrix.Count, matrix.Count];
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                values[row, column] = matrix[row][column];
            }
        }

        return values;
    }
}
