namespace BlendSign.Data.Agreement;

internal static class AgreementEvaluator
{
    /// <param name="percents">Receives percent agreement at the same positions (Fleiss' slots stay untouched); may be empty.</param>
    public static void Evaluate(AgreementLayout layout, ReadOnlySpan<long> sums, Span<double> kappas, Span<double> percents)
    {
        double slices = sums[AgreementLayout.SliceCountIndex];
        EvaluateFleiss(layout, sums, slices, kappas);
        EvaluateCohen(layout, sums, slices, kappas, percents);
    }

    private static void EvaluateFleiss(AgreementLayout layout, ReadOnlySpan<long> sums, double slices, Span<double> kappas)
    {
        const int classes = AgreementLayout.ClassCount;
        double raters = layout.Raters;
        var ratings = slices * raters;

        double overallSquares = 0, overallSquaredTotals = 0;
        for (var c = 0; c < classes; c++)
        {
            double total = sums[AgreementLayout.ClassTotalIndex(c)];
            double squares = sums[AgreementLayout.ClassSquaresIndex(c)];
            overallSquares += squares;
            overallSquaredTotals += total * total;

            // Class vs rest: the "rest" count on a slice is n − n_ic.
            var binarySquares = (2 * squares) - (2 * raters * total) + (slices * raters * raters);
            var rest = ratings - total;
            var binarySquaredTotals = (total * total) + (rest * rest);
            kappas[layout.FleissMetric(c)] =
                KappaStatistics.FleissFromSums(slices, raters, binarySquares, binarySquaredTotals).Kappa;
        }

        kappas[layout.FleissMetric(AgreementLayout.OverallGroup)] =
            KappaStatistics.FleissFromSums(slices, raters, overallSquares, overallSquaredTotals).Kappa;
    }

    private static void EvaluateCohen(AgreementLayout layout, ReadOnlySpan<long> sums, double slices, Span<double> kappas, Span<double> percents)
    {
        const int classes = AgreementLayout.ClassCount;
        Span<double> rows = stackalloc double[classes];
        Span<double> columns = stackalloc double[classes];
        for (var p = 0; p < layout.Pairs.Count; p++)
        {
            rows.Clear();
            columns.Clear();
            double trace = 0;
            for (var a = 0; a < classes; a++)
            {
                for (var b = 0; b < classes; b++)
                {
                    double cell = sums[AgreementLayout.CellIndex(p, a, b)];
                    rows[a] += cell;
                    columns[b] += cell;
                    if (a == b)
                    {
                        trace += cell;
                    }
                }
            }

            double marginProducts = 0;
            for (var c = 0; c < classes; c++)
            {
                marginProducts += rows[c] * columns[c];
                double both = sums[AgreementLayout.CellIndex(p, c, c)];
                var agreements = slices - rows[c] - columns[c] + (2 * both);
                var binaryMarginProducts = (rows[c] * columns[c]) + ((slices - rows[c]) * (slices - columns[c]));
                Store(layout.CohenMetric(c, p), KappaStatistics.CohenFromCounts(slices, agreements, binaryMarginProducts), kappas, percents);
            }

            Store(layout.CohenMetric(AgreementLayout.OverallGroup, p),
                KappaStatistics.CohenFromCounts(slices, trace, marginProducts), kappas, percents);
        }
    }

    private static void Store(int metric, KappaResult result, Span<double> kappas, Span<double> percents)
    {
        kappas[metric] = result.Kappa;
        if (!percents.IsEmpty)
        {
            percents[metric] = 100 * result.ObservedAgreement;
        }
    }
}
