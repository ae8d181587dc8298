using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// The y axis stops at the 98th percentile of the batch losses so one spike does not flatten the rest. Gradient norms
/// before clipping are drawn below: exploding gradients show there before the loss does.
/// </summary>
public partial class LossChart
{
    private const double Width = 640;
    private const double Height = 220;
    private const double Left = 44;
    private const double Top = 8;
    private const double PlotWidth = Width - Left - 8;
    private const double PlotHeight = Height - Top - 24;

    private const double GradientHeight = 120;
    private const double GradientPlotHeight = GradientHeight - Top - 24;

    private double _yMax = 1;
    private double _gradientMax = 1;
    private IReadOnlyList<EpochLossPoint> _gradientEpochs = [];
    private double _xMax = 1;

    [Parameter, EditorRequired]
    public LossHistory History { get; set; } = LossHistory.Empty;

    protected override void OnParametersSet()
    {
        var losses = History.Batches.Select(b => b.Loss).Where(double.IsFinite).Order().ToArray();
        var high = losses.Length == 0 ? 0 : losses[(int)Math.Floor(0.98 * (losses.Length - 1))];
        var epochMax = History.Epochs.Select(e => e.Loss).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        _yMax = Math.Max(1e-3, Math.Max(high, epochMax) * 1.1);
        _xMax = Math.Max(1, Math.Max(History.Steps, History.Epochs.Select(e => e.Step).DefaultIfEmpty(0).Max()));
        _gradientEpochs = [.. History.Epochs.Where(e => e.GradientNormMedian is not null)];
        _gradientMax = Math.Max(1e-3, _gradientEpochs.Select(e => e.GradientNormMax ?? 0).DefaultIfEmpty(0).Max() * 1.1);
    }

    private string GradientY(double norm) => Format(Top + GradientPlotHeight * (1 - Math.Clamp(norm / _gradientMax, 0, 1)));

    private string GradientPoints(Func<EpochLossPoint, double?> value) =>
        string.Join(' ', _gradientEpochs.Where(e => value(e) is not null).Select(e => $"{X(e.Step)},{GradientY(value(e)!.Value)}"));

    private static string GradientTooltip(EpochLossPoint e) => string.Create(CultureInfo.InvariantCulture,
        $"fold {e.Fold}{(e.Generation > 0 ? $" student {e.Generation}" : "")} epoch {e.Epoch}: median {e.GradientNormMedian:0.#}, largest {e.GradientNormMax:0.#}, {e.ClippedSteps} steps clipped");

    private double Xv(double step) => Left + PlotWidth * step / _xMax;

    private double Yv(double loss) => Top + PlotHeight * (1 - Math.Clamp(loss / _yMax, 0, 1));

    private string X(double step) => Format(Xv(step));

    private string Y(double loss) => Format(Yv(loss));

    private IEnumerable<(string Class, string Points)> Series()
    {
        yield return ("total", Points(b => b.Loss));
        (string Class, Func<BatchLossPoint, double?> Value)[] terms =
            [("cls", b => b.Classification), ("det", b => b.Detection), ("kd", b => b.Distillation)];
        foreach (var (name, value) in terms)
        {
            if (History.Batches.Any(b => value(b) is not null))
            {
                yield return (name, Points(value));
            }
        }

        if (History.Epochs.Count > 1)
        {
            yield return ("epoch", string.Join(' ', History.Epochs.Where(e => double.IsFinite(e.Loss)).Select(e => $"{X(e.Step)},{Y(e.Loss)}")));
        }
    }

    private string Points(Func<BatchLossPoint, double?> value)
    {
        var text = new StringBuilder();
        foreach (var batch in History.Batches)
        {
            if (value(batch) is { } v && double.IsFinite(v))
            {
                text.Append(X(batch.Step)).Append(',').Append(Y(v)).Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }

    private IEnumerable<(long Step, string Label)> FoldStarts()
    {
        EpochLossPoint? previous = null;
        foreach (var epoch in History.Epochs)
        {
            if (previous is not null && (epoch.Fold != previous.Fold || epoch.Arm != previous.Arm))
            {
                yield return (previous.Step, $"fold {epoch.Fold}");
            }

            previous = epoch;
        }
    }

    private static string Tooltip(EpochLossPoint e) => string.Create(CultureInfo.InvariantCulture,
        $"fold {e.Fold}{(e.Generation > 0 ? $" student {e.Generation}" : "")} epoch {e.Epoch}: loss {e.Loss:0.###}, lr {e.LearningRate:0.#####}");

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
