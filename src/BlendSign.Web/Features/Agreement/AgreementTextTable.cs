using System.Globalization;
using System.Text;
using BlendSign.Data.Agreement;

namespace BlendSign.Web.Features.Agreement;

internal static class AgreementTextTable
{
    private const string Missing = "-";
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static string Format(AgreementReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(_invariant, $"Raters: {(report.Raters.Count == 0 ? "none" : string.Join(", ", report.Raters))}");
        text.AppendLine(_invariant, $"Slices read by every rater: {report.SlicesCompared} (of {report.ScansCompared} scans; excluded scans left out)");
        if (report.Note is not null)
        {
            text.AppendLine(report.Note);
        }

        var rows = report.Classes.Append(new KeyValuePair<string, ClassAgreement>("overall", report.Overall)).ToList();
        var pairs = report.Overall.Pairs.Select(p => string.Join(" vs ", p.Raters)).ToList();
        var widths = pairs.Select(p => Math.Max(p.Length, 14)).ToList();
        const int labelWidth = 12;

        text.AppendLine();
        text.Append(' ', labelWidth);
        for (var p = 0; p < pairs.Count; p++)
        {
            text.Append(pairs[p].PadRight(widths[p] + 2));
        }

        text.AppendLine("Fleiss' kappa (95% CI)");
        text.Append("class".PadRight(labelWidth));
        foreach (var width in widths)
        {
            text.Append($"{"p(%)",6} {"kappa",7}".PadRight(width + 2));
        }

        text.AppendLine();
        foreach (var (name, row) in rows)
        {
            text.Append(name.PadRight(labelWidth));
            for (var p = 0; p < row.Pairs.Count; p++)
            {
                var pair = row.Pairs[p];
                text.Append($"{Number(pair.PercentAgreement, "F1"),6} {Number(pair.CohenKappa, "F3"),7}".PadRight(widths[p] + 2));
            }

            text.Append(Number(row.FleissKappa, "F3"));
            if (row.Ci95 is { } ci)
            {
                text.Append(_invariant, $" ({ci.Lower:F3} to {ci.Upper:F3})");
            }

            if (row.FleissKappa is { } kappa)
            {
                text.Append(", ").Append(LandisKoch.Describe(kappa, row.Ci95));
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine(report.BootstrapResamples > 0
            ? string.Create(_invariant, $"Per class: that class vs the rest. 95% CI: percentile bootstrap, {report.BootstrapResamples} resamples of scans, seed {report.Seed}.")
            : "Per class: that class vs the rest. No confidence intervals (0 resamples).");
        return string.Join('\n', text.ToString().Split('\n').Select(line => line.TrimEnd()));
    }

    private static string Number(double? value, string format) =>
        value?.ToString(format, _invariant) ?? Missing;
}
