namespace BlendSign.Data.Dicom;

// HU = Stored[i] × Slope + Intercept holds exactly; row-major.
public sealed record HuSlice(int Rows, int Columns, short[] Stored, double Slope, double Intercept)
{
    public double HuAt(int index) => Stored[index] * Slope + Intercept;

    public bool HasIntegralHu => Slope == Math.Floor(Slope) && Intercept == Math.Floor(Intercept);
}
