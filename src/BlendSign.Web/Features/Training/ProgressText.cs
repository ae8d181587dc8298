using System.Globalization;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

public static class ProgressText
{
    /// <summary>"WCE+AT · fold 3/5 · epoch 7/50 · batch 12/40 · loss 0.41 (cls 0.30, det 0.11) · lr 0.0081 · ETA 12 min".</summary>
    public static string Describe(TrainingProgress p)
    {
        var parts = new List<string>();
        if (p.Arm is { } arm)
        {
            parts.Add(VariantName(arm));
        }

        parts.Add(Invariant($"fold {p.Fold}/{p.Folds}"));
        if (p.Generations > 0 && p.Stage is TrainingStage.Training or TrainingStage.EpochCompleted)
        {
            parts.Add(p.Generation == 0 ? "teacher" : Invariant($"student {p.Generation}/{p.Generations}"));
        }

        switch (p.Stage)
        {
            case TrainingStage.Predicting:
                parts.Add(Invariant($"predicting batch {p.Batch}/{p.Batches}"));
                break;
            case TrainingStage.FoldCompleted:
                parts.Add(Invariant($"done, loss {p.Loss:0.###}"));
                break;
            default:
                parts.Add(Invariant($"epoch {p.Epoch}/{p.Epochs}"));
                parts.Add(Invariant($"batch {p.Batch}/{p.Batches}"));
                parts.Add(Invariant($"loss {p.EpochLoss:0.###}") + Terms(p));
                parts.Add(Invariant($"lr {p.LearningRate:0.#####}"));
                break;
        }

        if (p.Eta is { } eta)
        {
            parts.Add("ETA " + Duration(eta));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The study's name of an ablation row ("WCE+AT") for its variant ("wce_at"); other text as given.</summary>
    public static string VariantName(string variant) =>
        AblationRunner.Arms(new TrainingSettings()).FirstOrDefault(a => a.Folder == variant || a.Name == variant).Name ?? variant;

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => Invariant($"{Math.Max(0, span.TotalSeconds):0} s"),
        < 3600 => Invariant($"{span.TotalMinutes:0} min"),
        _ => Invariant($"{(int)span.TotalHours} h {span.Minutes:00} min"),
    };

    private static string Terms(TrainingProgress p)
    {
        var terms = new List<string>();
        Add("cls", p.ClassificationLoss);
        Add("det", p.DetectionLoss);
        Add("kd", p.DistillationLoss);
        return terms.Count == 0 ? "" : $" ({string.Join(", ", terms)})";

        void Add(string name, double? value)
        {
            if (value is { } v)
            {
                terms.Add(Invariant($"{name} {v:0.###}"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
