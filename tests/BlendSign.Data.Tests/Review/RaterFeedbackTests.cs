using BlendSign.Data.Review;
using Hc = BlendSign.Data.Labels.HemorrhageClass;

namespace BlendSign.Data.Tests.Review;

public sealed class RaterFeedbackTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_HandMadeReads_ConfusionErrorKindsAndWeeks()
    {
        RatedAgainstGold[] reads =
        [
            new("rater1", Hc.BlendSign, Hc.NormalIch, Monday),
            new("rater1", Hc.BlendSign, Hc.NormalIch, Monday.AddDays(6)),
            new("rater1", Hc.BlendSign, Hc.BlendSign, Monday.AddDays(7)),
            new("rater1", Hc.NonIch, Hc.NormalIch, Monday.AddDays(8)),
            new("rater1", Hc.NonIch, Hc.NonIch, Monday.AddDays(8)),
            new("rater2", Hc.NormalIch, Hc.NormalIch, Monday),
        ];

        var feedback = RaterFeedbackService.Compute(reads);

        Assert.Equal(["rater1", "rater2"], feedback.Select(f => f.Rater));
        var rater1 = feedback[0];
        Assert.Equal([[1, 1, 0], [0, 0, 0], [0, 2, 1]], rater1.Confusion.Select(r => r.ToArray()));
        Assert.Equal((5, 3), (rater1.Reads, rater1.Errors));
        Assert.Equal(["calls blend sign normal ICH: 2", "calls no ICH normal ICH: 1"], rater1.ErrorKinds.Select(k => k.Describe()));
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)], rater1.Weeks.Select(w => w.WeekStart));
        Assert.Equal([(2, 2), (3, 1)], rater1.Weeks.Select(w => (w.Reads, w.Errors)));
        Assert.Equal(1.0, feedback[1].Accuracy);
    }

    [Fact]
    public void WeekStart_Sunday_IsThePrecedingMonday() =>
        Assert.Equal(new DateOnly(2026, 11, 23), RaterFeedbackService.WeekStart(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero)));
}
