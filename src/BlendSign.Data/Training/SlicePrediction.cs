using BlendSign.Data.Labels;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Training;

public class SlicePrediction
{
    public int Id { get; set; }
    public int TrainingRunId { get; set; }
    public TrainingRun TrainingRun { get; set; } = null!;
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;
    public int Fold { get; set; }
    public HemorrhageClass GoldLabel { get; set; }
    public double PNonIch { get; set; }
    public double PNormalIch { get; set; }
    public double PBlendSign { get; set; }
}
