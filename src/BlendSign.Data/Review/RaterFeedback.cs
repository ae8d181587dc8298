using BlendSign.Data.Gold;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

/// <summary>One kind of error: the rater called a slice whose gold label is <see cref="Gold"/> <see cref="Called"/>.</summary>
public sealed record RaterErrorKind(HemorrhageClass Gold, HemorrhageClass Called, int Count)
{
    /// <summary>"calls blend sign normal ICH: 12".</summary>
    public string Describe() => $"calls {Words(Gold)} {Words(Called)}: {Count}";

    public static string Words(HemorrhageClass label) => label switch
    {
        HemorrhageClass.NonIch => "no ICH",
        HemorrhageClass.NormalIch => "normal ICH",
        HemorrhageClass.BlendSign => "blend sign",
        _ => label.ToString(),
    };
}

/// <summary>A rater's reads of one week (Monday to Sunday, UTC) of the labels' last change, against the gold standard.</summary>
public sealed record RaterWeek(DateOnly WeekStart, int Reads, int Errors, IReadOnlyList<RaterErrorKind> ErrorKinds)
{
    public double Accuracy => Reads == 0 ? 0 : (Reads - Errors) / (double)Reads;
}

/// <summary>Confusion rows: gold class, columns: the rater's call (study order); error kinds most frequent first.</summary>
public sealed record RaterFeedback(
    string Rater,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    int Reads,
    int Errors,
    IReadOnlyList<RaterErrorKind> ErrorKinds,
    IReadOnlyList<RaterWeek> Weeks)
{
    public double Accuracy => Reads == 0 ? 0 : (Reads - Errors) / (double)Reads;
}

/// <summary>The feedback of every rater against one snapshot (null when no snapshot exists yet).</summary>
public sealed record RaterFeedbackReport(GoldSnapshotSummary? Snapshot, IReadOnlyList<RaterFeedback> Raters);

public sealed record RatedAgainstGold(string Rater, HemorrhageClass Gold, HemorrhageClass Called, DateTimeOffset UpdatedAt);
