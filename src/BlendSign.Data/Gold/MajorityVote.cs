using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>The study's gold standard: the majority of the raters' labels on a slice.</summary>
public static class MajorityVote
{
    /// <summary>
    /// With fewer than <paramref name="expectedRaters"/> reads the status is incomplete, though a label is reported once a
    /// strict majority of the expected raters agree (later reads cannot change it).
    /// </summary>
    public static GoldDecision Decide(IReadOnlyCollection<HemorrhageClass> labels, int expectedRaters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedRaters, 1);
        Span<int> counts = stackalloc int[3];
        foreach (var label in labels)
        {
            counts[(int)label]++;
        }

        var best = 0;
        for (var c = 1; c < counts.Length; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        var votes = counts[best];
        var readers = Math.Max(labels.Count, expectedRaters);
        var hasMajority = votes * 2 > readers;
        if (labels.Count < expectedRaters)
        {
            return new GoldDecision(hasMajority ? (HemorrhageClass)best : null, votes, GoldStatus.Incomplete);
        }

        if (!hasMajority)
        {
            return new GoldDecision(null, votes, GoldStatus.Tie);
        }

        return new GoldDecision((HemorrhageClass)best, votes, votes == labels.Count ? GoldStatus.Unanimous : GoldStatus.Majority);
    }
}
