namespace BlendSign.Model.Training;

/// <summary>The study's "poly" learning-rate schedule: lr = base · (1 − iteration / total)^power.</summary>
public static class PolySchedule
{
    public static double LearningRate(double baseRate, long iteration, long totalIterations, double power)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalIterations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        var remaining = Math.Max(0.0, 1.0 - (double)iteration / totalIterations);
        return baseRate * Math.Pow(remaining, power);
    }
}
