using System.Text.Json;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Network;
using TorchSharp.Modules;

namespace BlendSign.Model.Training;

/// <summary>The first epoch's loss and the guards' findings so far are kept so a resumed generation is judged as a whole.</summary>
public sealed record FoldState(int Generation, int EpochsDone, double LastEpochLoss)
{
    public double? FirstEpochLoss { get; init; }

    public IReadOnlyList<DivergenceFinding>? Findings { get; init; }
}

public sealed record GenerationOutcome(int Generation, double LastEpochLoss, IReadOnlyList<OofPrediction> Predictions, IReadOnlyList<DivergenceFinding> Findings);

/// <summary>A finished fold as stored; the earlier generations and the findings are null in folds stored before these existed.</summary>
public sealed record FoldOutcome(int TrainingExamples, double LastEpochLoss, IReadOnlyList<OofPrediction> Predictions)
{
    public IReadOnlyList<GenerationOutcome>? EarlierGenerations { get; init; }

    public IReadOnlyList<DivergenceFinding>? Findings { get; init; }
}

// state.json names an epoch's model and optimizer files only once both are written, so a crash mid-write leaves the
// previous checkpoint valid. The final model is kept for explaining the held-out slices (Grad-CAM).
internal sealed class FoldCheckpoints(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public const string FinalModelFileName = "final-model.weights";

    public string Directory => directory;

    public FoldOutcome? LoadOutcome() => Read<FoldOutcome>("result.json");

    public FoldState? LoadState() => Read<FoldState>("state.json");

    public void SaveOutcome(FoldOutcome outcome)
    {
        Write("result.json", outcome);
        DeleteEpochWeights();
    }

    /// <summary>The model that predicted the fold's held-out slices; not a *.bin, so finishing the fold keeps it.</summary>
    public void SaveFinalModel(SliceClassifier model)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FinalModelFileName);
        var temporary = path + ".tmp";
        model.save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    public void SaveEpoch(FoldState state, SliceClassifier model, OptimizerHelper optimizer)
    {
        System.IO.Directory.CreateDirectory(directory);
        model.save(ModelPath(state));
        optimizer.save_state_dict(OptimizerPath(state));
        Write("state.json", state);
        DeleteEpochWeights(keep: [ModelPath(state), OptimizerPath(state)]);
    }

    public void StartGeneration(int generation)
    {
        Write("state.json", new FoldState(generation, 0, double.NaN));
        DeleteEpochWeights();
    }

    private void DeleteEpochWeights(params string[] keep)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.bin").Where(f => !keep.Contains(f)))
        {
            File.Delete(file);
        }
    }

    public void Restore(FoldState state, SliceClassifier model, OptimizerHelper optimizer)
    {
        model.load(ModelPath(state));
        optimizer.load_state_dict(OptimizerPath(state));
    }

    public void SaveTeacher(int generation, IReadOnlyDictionary<string, float[]> probabilities) =>
        Write($"teacher-g{generation}.json", probabilities);

    public IReadOnlyDictionary<string, float[]> LoadTeacher(int generation) =>
        Read<Dictionary<string, float[]>>($"teacher-g{generation}.json")
        ?? throw new InvalidDataException($"The checkpoint in {directory} has no teacher predictions for generation {generation}.");

    /// <summary>A generation that finished teaching: kept so a resumed fold still reports it.</summary>
    public void SaveGeneration(GenerationOutcome outcome) => Write($"generation-g{outcome.Generation}.json", outcome);

    public GenerationOutcome? LoadGeneration(int generation) => Read<GenerationOutcome>($"generation-g{generation}.json");

    private string ModelPath(FoldState s) => Path.Combine(directory, $"model-g{s.Generation}-e{s.EpochsDone}.bin");

    private string OptimizerPath(FoldState s) => Path.Combine(directory, $"optimizer-g{s.Generation}-e{s.EpochsDone}.bin");

    private T? Read<T>(string name) where T : class
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
    }

    private void Write<T>(string name, T value)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(value, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
