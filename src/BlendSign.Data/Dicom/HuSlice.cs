namespace BlendSign.Data.Dicom;

/// <summary>
/// A slice's pixels as stored in the file plus the modality rescale, so that
/// HU = <c>Stored[i] × Slope + Intercept</c> holds exactly. Row-major, <see cref="Rows"/> × <see cref="Columns"/>.
/// </summary>
public sealed record HuSlice(int Rows, int Columns, short[] Stored, double Slope, double Intercept)
{
    public double HuAt(int index) => Stored[index] * Slope + Intercept;

    /// <summary>True when every HU value is an integer (integral slope and intercept).</summary>
    public bool HasIntegralHu => Slope == Math.Floor(Slope) && Intercept == Math.Floor(Intercept);
}
