using System.CommandLine;
using BlendSign.Model.Network;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

internal sealed class TrainVerbOptions
{
    public TrainVerbOptions(TrainingSettings defaults)
    {
        Defaults = defaults;
        Folds = new Option<int>("--folds")
        {
            Description = $"Cross-validation folds, split by scan, {TrainingLimits.MinFolds}–{TrainingLimits.MaxFolds} (BlendSign:Training:Folds).",
            DefaultValueFactory = _ => defaults.Folds,
        };
        Epochs = new Option<int>("--epochs")
        {
            Description = $"Epochs per fold, {TrainingLimits.MinEpochs}–{TrainingLimits.MaxEpochs} (BlendSign:Training:Epochs).",
            DefaultValueFactory = _ => defaults.Epochs,
        };
        ImageSize = new Option<int>("--image-size")
        {
            Description = $"Input size in pixels, S×S, {TrainingLimits.MinImageSize}–{TrainingLimits.MaxImageSize} (BlendSign:Training:ImageSize).",
            DefaultValueFactory = _ => defaults.ImageSize,
        };
        Backbone = new Option<string>("--backbone")
        {
            Description = $"Backbone; available: {string.Join(", ", Backbones.Supported)} (BlendSign:Training:Backbone).",
            DefaultValueFactory = _ => defaults.Backbone,
        };
        Seed = new Option<int>("--seed") { Description = "Random seed (BlendSign:Training:Seed).", DefaultValueFactory = _ => defaults.Seed };
    }

    public TrainingSettings Defaults { get; }

    public Option<int> Folds { get; }

    public Option<int> Epochs { get; }

    public Option<int> ImageSize { get; }

    public Option<string> Backbone { get; }

    public Option<bool> NoDetection { get; } = new("--no-detection") { Description = "Train without the auxiliary detection branch (AT)." };

    public Option<bool> NoSkd { get; } = new("--no-skd") { Description = "Skip self-knowledge distillation (no teacher/student generations)." };

    public Option<int> Seed { get; }

    public Option<bool> Ablation { get; } = new("--ablation") { Description = "The study's ablation: WCE, WCE+AT and WCE+AT+SKD on the same folds (three runs)." };

    public Option<int?> FoldsFrom { get; } = new("--folds-from") { Description = "Keep the folds of run RUN_ID (each scan in its fold there), to compare the two runs split for split." };

    public Option<int?> Seeds { get; } = new("--seeds") { Description = "With --ablation: run it for this many seeds (--seed, --seed + 1, ...) and report each row's mean ± SD over them." };

    public Option<int?> Resume { get; } = new("--resume") { Description = "Continue run RUN_ID from its checkpoints (other options are ignored: a run keeps its settings)." };

    public Option<bool> Json { get; } = new("--json") { Description = "One JSON document on standard output." };

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Folds, Epochs, ImageSize, Backbone, NoDetection, NoSkd, Seed, FoldsFrom, Ablation, Seeds, Resume, Json])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The defaults with what the command line sets; <paramref name="backbone"/> is a supported one.</summary>
    public TrainingSettings ReadSettings(ParseResult parse, string backbone) => Defaults with
    {
        Folds = parse.GetValue(Folds),
        Epochs = parse.GetValue(Epochs),
        ImageSize = parse.GetValue(ImageSize),
        Backbone = Backbones.Normalize(backbone),
        Seed = parse.GetValue(Seed),
        Detection = Defaults.Detection && !parse.GetValue(NoDetection),
        Distillation = Defaults.Distillation && !parse.GetValue(NoSkd),
        FoldsFromRun = parse.GetValue(FoldsFrom),
    };
}
