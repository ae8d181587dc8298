namespace BlendSign.Data.Review;

/// <summary>The wire names of <see cref="ReviewOutcome"/> (CSV, JSON, command line).</summary>
public static class ReviewOutcomeNames
{
    public static string ToWireName(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Keep => "keep",
        ReviewOutcome.Change => "change",
        ReviewOutcome.Reread => "reread",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown review outcome."),
    };
}
