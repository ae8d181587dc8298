namespace BlendSign.Model.Health;

/// <summary>What kind of failure a <see cref="DivergenceFinding"/> reports (wire names in snake_case).</summary>
public enum DivergenceKind
{
    NonFiniteLoss,
    NonFiniteGradient,
    ExplodingGradients,
    LossRose,
    ConstantOutputs,
    SaturatedOutputs,
}

// In words a lead understands; any finding marks the run diverged instead of completed.
public sealed record DivergenceFinding(int Fold, int Generation, DivergenceKind Kind, string Reason)
{
    public static string GenerationName(int generation) => generation == 0 ? "teacher" : $"student {generation}";
}

public sealed class TrainingDivergedException(DivergenceFinding finding)
    : Exception(finding.Reason)
{
    public DivergenceFinding Finding => finding;
}
