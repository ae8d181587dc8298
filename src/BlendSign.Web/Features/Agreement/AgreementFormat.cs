using System.Globalization;
using BlendSign.Data.Agreement;

namespace BlendSign.Web.Features.Agreement;

internal static class Format
{
    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    public static string Kappa(double? kappa, ConfidenceInterval? ci) => kappa switch
    {
        null => "–",
        { } k when ci is null => k.ToString("0.00", CultureInfo.InvariantCulture),
        { } k => string.Create(CultureInfo.InvariantCulture, $"{k:0.00} ({ci!.Lower:0.00}–{ci.Upper:0.00})"),
    };

    /// <summary>CSS left offset of a kappa on a 0..1 axis (negative kappas sit at the left edge).</summary>
    public static string Position(double kappa) => string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp(kappa, 0, 1) * 100:0.##}%");

    public static IEnumerable<(string Name, ClassAgreement Row)> Rows(AgreementReport report)
    {
        foreach (var hemorrhageClass in BlendSign.Data.Labels.HemorrhageClassNames.All)
        {
            yield return (BlendSign.Data.Labels.HemorrhageClassNames.ToWireName(hemorrhageClass), report.For(hemorrhageClass));
        }

        yield return (AgreementDetails.Overall, report.Overall);
    }

    public static string DisagreementsLink(string group, PairAgreement pair) =>
        $"agreement/disagreements?group={Uri.EscapeDataString(group)}&first={Uri.EscapeDataString(pair.Raters[0])}&second={Uri.EscapeDataString(pair.Raters[1])}";

    public static string Share(long count, long total) =>
        total == 0 ? "–" : (100.0 * count / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Width(ConfidenceInterval ci) =>
        string.Create(CultureInfo.InvariantCulture, $"{(Math.Clamp(ci.Upper, 0, 1) - Math.Clamp(ci.Lower, 0, 1)) * 100:0.##}%");
}
