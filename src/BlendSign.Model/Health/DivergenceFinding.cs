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

/// <summary>
/// Why a fold's generation (0 = the teacher, 1… the students) cannot be trusted, in words a lead understands; any
/// finding marks the run diverged instead of completed.
/// </summary>
public sealed record DivergenceFinding(int Fold, int Generation, DivergenceKind Kind, string Reason)
{
    /// <summary>"teacher" or "student 2": how pages and logs name a generation.</summary>
    public static string GenerationName(int generation) => generation == 0 ? "teacher" : $"student {generation}";
}

/// <summary>Training stopped because it can no longer produce a usable model (a non-finite loss or gradient).</summary>
public sealed class TrainingDivergedException(DivergenceFinding finding)
    : Exception(finding.Reason)
{
    public DivergenceFinding Finding => finding;
}
