using System.Globalization;

namespace BlendSign.Data.Reading;

/// <summary>
/// The viewer's blend-sign helper as a rater attached it to a read: the mean HU of two ROIs inside one hematoma.
/// Li et al. (2015) call two regions at least <see cref="CriterionHu"/> HU apart clearly different in density.
/// </summary>
public sealed record BlendSignMeasurement(double MeanA, double MeanB)
{
    public const double CriterionHu = 18;

    public double Difference => Math.Abs(MeanA - MeanB);

    public bool CriterionMet => Difference >= CriterionHu;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"ROI means {MeanA:0.0} and {MeanB:0.0} HU, difference {Difference:0.0} HU ({(CriterionMet ? "meets" : "below")} the {CriterionHu:0} HU criterion)");
}
