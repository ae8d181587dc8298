namespace BlendSign.Data.Agreement;

internal sealed class ScanStatistics
{
    private ScanStatistics(long[] rows, int scans, int slices)
    {
        Rows = rows;
        Scans = scans;
        Slices = slices;
    }

    /// <summary>Scan-major rows of <see cref="AgreementLayout.Stride"/> counts, one per scan with a compared slice.</summary>
    public long[] Rows { get; }

    public int Scans { get; }

    public int Slices { get; }

    public static ScanStatistics Build(LabelMatrix matrix, AgreementLayout layout)
    {
        var scanRows = new Dictionary<int, int>();
        var rows = new List<long>();
        Span<int> perClass = stackalloc int[AgreementLayout.ClassCount];
        Span<int> labels = stackalloc int[layout.Raters];
        var slices = 0;
        foreach (var slice in matrix.Slices)
        {
            if (!LabelMatrix.IsComplete(slice))
            {
                continue;
            }

            if (!scanRows.TryGetValue(slice.ScanId, out var scanRow))
            {
                scanRow = scanRows.Count;
                scanRows.Add(slice.ScanId, scanRow);
                rows.AddRange(new long[layout.Stride]);
            }

            var offset = scanRow * layout.Stride;
            perClass.Clear();
            for (var r = 0; r < labels.Length; r++)
            {
                labels[r] = (int)slice.Labels[r]!.Value;
                perClass[labels[r]]++;
            }

            rows[offset + AgreementLayout.SliceCountIndex]++;
            for (var c = 0; c < perClass.Length; c++)
            {
                rows[offset + AgreementLayout.ClassTotalIndex(c)] += perClass[c];
                rows[offset + AgreementLayout.ClassSquaresIndex(c)] += perClass[c] * perClass[c];
            }

            for (var p = 0; p < layout.Pairs.Count; p++)
            {
                var (first, second) = layout.Pairs[p];
                rows[offset + AgreementLayout.CellIndex(p, labels[first], labels[second])]++;
            }

            slices++;
        }

        return new ScanStatistics(rows.ToArray(), scanRows.Count, slices);
    }

    public long[] Totals(int stride)
    {
        var totals = new long[stride];
        for (var s = 0; s < Scans; s++)
        {
            AddRow(totals, s, stride);
        }

        return totals;
    }

    public void AddRow(Span<long> sums, int scan, int stride)
    {
        var row = Rows.AsSpan(scan * stride, stride);
        for (var k = 0; k < row.Length; k++)
        {
            sums[k] += row[k];
        }
    }
}
