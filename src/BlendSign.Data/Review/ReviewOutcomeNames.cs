namespace BlendSign.Data.Review;

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
