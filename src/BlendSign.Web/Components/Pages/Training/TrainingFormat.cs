using System.Globalization;

namespace BlendSign.Web.Components.Pages.Training;

internal static class TrainingFormat
{
    public static string Metric(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    /// <summary>A blue cell shade for a row fraction in [0, 1] (confusion-matrix heatmap).</summary>
    public static string Heat(double fraction) =>
        string.Create(CultureInfo.InvariantCulture, $"rgba(78, 161, 255, {0.08 + 0.72 * Math.Clamp(fraction, 0, 1):0.00})");
}
