namespace BlendSign.Data.Review;

public enum ReviewOutcome
{
    Keep,
    Change,
    Reread,
}
