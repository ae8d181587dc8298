using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>
/// Dawid and Skene's (1979) EM, started from the majority vote. A rater who errs often gets a flat confusion row and so
/// little say in the posteriors, where the majority vote counts every rater alike. Missing reads are skipped.
/// </summary>
public static class DawidSkene
{
    private const int Classes = 3;

    /// <param name="labels">Per slice, one entry per rater (null: not read).</param>
    public static DawidSkeneResult Fit(IReadOnlyList<IReadOnlyList<HemorrhageClass?>> labels, int raters, DawidSkeneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(raters, 1);
        options ??= DawidSkeneOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.Smoothing);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1);

        var data = labels.Select((row, i) => row.Count == raters
            ? row.Select(l => l is { } v ? (int)v : -1).ToArray()
            : throw new ArgumentException($"Slice {i} has {row.Count} labels for {raters} raters.", nameof(labels))).ToArray();
        var posteriors = data.Select(VoteFractions).ToArray();
        var confusions = Enumerable.Range(0, raters).Select(_ => new double[Classes, Classes]).ToArray();
        var priors = new double[Classes];

        var iterations = 0;
        var converged = false;
        while (iterations < options.MaxIterations && !converged)
        {
            iterations++;
            MaximisationStep(data, posteriors, confusions, priors, options.Smoothing);
            converged = ExpectationStep(data, posteriors, confusions, priors) <= options.Tolerance;
        }

        return new DawidSkeneResult(posteriors, confusions, priors, iterations, converged);
    }

    private static double[] VoteFractions(int[] row)
    {
        var p = new double[Classes];
        var read = 0;
        foreach (var label in row)
        {
            if (label >= 0)
            {
                p[label]++;
                read++;
            }
        }

        for (var k = 0; k < Classes; k++)
        {
            p[k] = read == 0 ? 1.0 / Classes : p[k] / read;
        }

        return p;
    }

    private static void MaximisationStep(int[][] data, double[][] posteriors, double[][,] confusions, double[] priors, double smoothing)
    {
        Array.Fill(priors, smoothing);
        foreach (var matrix in confusions)
        {
            for (var j = 0; j < Classes; j++)
            {
                for (var l = 0; l < Classes; l++)
                {
                    matrix[j, l] = smoothing;
                }
            }
        }

        for (var i = 0; i < data.Length; i++)
        {
            for (var j = 0; j < Classes; j++)
            {
                priors[j] += posteriors[i][j];
                for (var r = 0; r < data[i].Length; r++)
                {
                    if (data[i][r] >= 0)
                    {
                        confusions[r][j, data[i][r]] += posteriors[i][j];
                    }
                }
            }
        }

        Normalise(priors);
        foreach (var matrix in confusions)
        {
            for (var j = 0; j < Classes; j++)
            {
                var total = matrix[j, 0] + matrix[j, 1] + matrix[j, 2];
                for (var l = 0; l < Classes; l++)
                {
                    // A true class no slice has: that row says nothing, so it is uniform.
                    matrix[j, l] = total > 0 ? matrix[j, l] / total : 1.0 / Classes;
                }
            }
        }
    }

    /// <summary>Updates the posteriors in place; returns the largest change.</summary>
    private static double ExpectationStep(int[][] data, double[][] posteriors, double[][,] confusions, double[] priors)
    {
        var largest = 0.0;
        Span<double> log = stackalloc double[Classes];
        for (var i = 0; i < data.Length; i++)
        {
            for (var j = 0; j < Classes; j++)
            {
                log[j] = Math.Log(priors[j]);
                for (var r = 0; r < data[i].Length; r++)
                {
                    if (data[i][r] >= 0)
                    {
                        log[j] += Math.Log(confusions[r][j, data[i][r]]);
                    }
                }
            }

            var max = Math.Max(log[0], Math.Max(log[1], log[2]));
            var next = new double[Classes];
            if (double.IsNegativeInfinity(max))
            {
                // Every class impossible (only without smoothing): keep what the slice had.
                Array.Copy(posteriors[i], next, Classes);
            }
            else
            {
                for (var j = 0; j < Classes; j++)
                {
                    next[j] = Math.Exp(log[j] - max);
                }

                Normalise(next);
            }

            for (var j = 0; j < Classes; j++)
            {
                largest = Math.Max(largest, Math.Abs(next[j] - posteriors[i][j]));
            }

            posteriors[i] = next;
        }

        return largest;
    }

    private static void Normalise(double[] values)
    {
        var total = values.Sum();
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = total > 0 ? values[k] / total : 1.0 / values.Length;
        }
    }
}
