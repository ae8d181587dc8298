using BlendSign.Model.CrossValidation;

namespace BlendSign.Model.Metrics;

// Class order non_ich, normal_ich, blend_sign; confusion rows = gold class, columns = the argmax (the first class wins a tie).
public sealed record ClassificationMetrics(IReadOnlyList<ClassMetrics> PerClass, IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix)
{
    public static ClassificationMetrics Compute(IReadOnlyList<OofPrediction> predictions) =>
        Compute(predictions.Select(p => p.Label).ToArray(), predictions.Select(p => p.Probabilities).ToArray());

    public static ClassificationMetrics Compute(IReadOnlyList<int> gold, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes = 3)
    {
        if (gold.Count != probabilities.Count)
        {
            throw new ArgumentException("One probability vector per gold label is needed.", nameof(probabilities));
        }

        var predicted = probabilities.Select(Argmax).ToArray();
        var matrix = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            matrix[c] = new int[classes];
        }

        for (var i = 0; i < gold.Count; i++)
        {
            matrix[gold[i]][predicted[i]]++;
        }

        var perClass = new ClassMetrics[classes];
        for (var c = 0; c < classes; c++)
        {
            var tp = matrix[c][c];
            var fn = matrix[c].Sum() - tp;
            var fp = matrix.Sum(row => row[c]) - tp;
            var tn = gold.Count - tp - fn - fp;
            var isPositive = gold.Select(g => g == c).ToArray();
            var score = probabilities.Select(p => p[c]).ToArray();
            perClass[c] = new ClassMetrics(
                Positives: tp + fn,
                Negatives: tn + fp,
                Sensitivity: Ratio(tp, tp + fn),
                Specificity: Ratio(tn, tn + fp),
                F1: Ratio(2 * tp, 2 * tp + fn + fp),
                Auc: RocAuc.Compute(isPositive, score));
        }

        return new ClassificationMetrics(perClass, matrix);
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    public static int Argmax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
