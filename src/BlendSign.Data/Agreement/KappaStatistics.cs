namespace BlendSign.Data.Agreement;

/// <summary>From integer sums (exact in a double), so the bootstrap can add per-scan counts and evaluate a kappa in O(1).</summary>
/// <remarks>
/// When chance-expected agreement is 1 (every rating in one category) kappa is 0/0; we return 1 (observed agreement is
/// then 1 too), so an unused or always-agreed class reads as perfect agreement rather than NaN (scikit-learn: NaN).
/// </remarks>
public static class KappaStatistics
{
    /// <summary>Cohen's kappa from a square confusion matrix (rows: first rater, columns: second rater).</summary>
    public static KappaResult Cohen(long[,] confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.GetLength(0);
        if (k == 0 || confusion.GetLength(1) != k)
        {
            throw new ArgumentException("The confusion matrix must be square and not empty.", nameof(confusion));
        }

        long n = 0, agreements = 0;
        double marginProducts = 0;
        for (var i = 0; i < k; i++)
        {
            long row = 0, column = 0;
            for (var j = 0; j < k; j++)
            {
                if (confusion[i, j] < 0 || confusion[j, i] < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(confusion));
                }

                row += confusion[i, j];
                column += confusion[j, i];
            }

            n += row;
            agreements += confusion[i, i];
            marginProducts += (double)row * column;
        }

        if (n == 0)
        {
            throw new ArgumentException("The confusion matrix holds no ratings.", nameof(confusion));
        }

        return CohenFromCounts(n, agreements, marginProducts);
    }

    /// <summary>The same number of raters (at least two) for every subject, as statsmodels' <c>fleiss_kappa</c>.</summary>
    public static KappaResult Fleiss(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var subjects = counts.GetLength(0);
        var categories = counts.GetLength(1);
        if (subjects == 0 || categories == 0)
        {
            throw new ArgumentException("The table holds no subjects.", nameof(counts));
        }

        var raters = -1L;
        double sumOfSquares = 0;
        var categoryTotals = new double[categories];
        for (var i = 0; i < subjects; i++)
        {
            long subjectRaters = 0;
            for (var j = 0; j < categories; j++)
            {
                var c = counts[i, j];
                if (c < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(counts));
                }

                subjectRaters += c;
                sumOfSquares += (double)c * c;
                categoryTotals[j] += c;
            }

            if (raters >= 0 && subjectRaters != raters)
            {
                throw new ArgumentException($"Subject {i} has {subjectRaters} ratings, others {raters}.", nameof(counts));
            }

            raters = subjectRaters;
        }

        if (raters < 2)
        {
            throw new ArgumentException("Fleiss' kappa needs at least two raters per subject.", nameof(counts));
        }

        var sumOfSquaredTotals = categoryTotals.Sum(t => t * t);
        return FleissFromSums(subjects, raters, sumOfSquares, sumOfSquaredTotals);
    }

    /// <summary>Cohen's kappa from n ratings, the agreeing count and Σ_k row_k·column_k.</summary>
    internal static KappaResult CohenFromCounts(double n, double agreements, double marginProducts)
    {
        var nSquared = n * n;
        var observed = agreements / n;
        var expected = marginProducts / nSquared;
        var denominator = nSquared - marginProducts;
        var kappa = denominator == 0
            ? DegenerateKappa(observed)
            : ((n * agreements) - marginProducts) / denominator;
        return new KappaResult(kappa, observed, expected);
    }

    /// <summary>
    /// Fleiss' kappa from N subjects, n raters each, Σ_ij n_ij² and Σ_j (Σ_i n_ij)²:
    /// P̄ = (Q − T)/(T(n − 1)) and P_e = A/T² with T = N·n, so κ = ((Q − T)T − A(n − 1)) / ((n − 1)(T² − A)).
    /// </summary>
    internal static KappaResult FleissFromSums(double subjects, double raters, double sumOfSquares, double sumOfSquaredTotals)
    {
        var total = subjects * raters;
        var observed = (sumOfSquares - total) / (total * (raters - 1));
        var expected = sumOfSquaredTotals / (total * total);
        var denominator = (raters - 1) * ((total * total) - sumOfSquaredTotals);
        var kappa = denominator == 0
            ? DegenerateKappa(observed)
            : (((sumOfSquares - total) * total) - (sumOfSquaredTotals * (raters - 1))) / denominator;
        return new KappaResult(kappa, observed, expected);
    }

    private static double DegenerateKappa(double observed) => observed >= 1 ? 1 : 0;
}
