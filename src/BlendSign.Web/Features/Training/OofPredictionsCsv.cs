using System.Globalization;
using BlendSign.Data.Csv;
using BlendSign.Data.Labels;
using BlendSign.Model.CrossValidation;

namespace BlendSign.Web.Features.Training;

/// <summary>Writes a run's out-of-fold predictions: <c>sop_instance_uid,fold,gold_label,p_non_ich,p_normal_ich,p_blend_sign</c>.</summary>
public static class OofPredictionsCsv
{
    public const string Header = "sop_instance_uid,fold,gold_label,p_non_ich,p_normal_ich,p_blend_sign";

    public static async Task WriteAsync(string path, IEnumerable<OofPrediction> predictions, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var writer = new StreamWriter(temporary, append: false))
        {
            await writer.WriteAsync((Header + "\n").AsMemory(), cancellationToken);
            foreach (var p in predictions)
            {
                var line = CsvFormat.Record(
                    p.SampleId,
                    p.Fold.ToString(CultureInfo.InvariantCulture),
                    ((HemorrhageClass)p.Label).ToWireName(),
                    Format(p.Probabilities[0]),
                    Format(p.Probabilities[1]),
                    Format(p.Probabilities[2]));
                await writer.WriteAsync(line.AsMemory(), cancellationToken);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
