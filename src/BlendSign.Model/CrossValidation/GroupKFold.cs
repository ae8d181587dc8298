using BlendSign.Model.Training;

namespace BlendSign.Model.CrossValidation;

// By scan, so one scan's slices never sit on both sides. Groups holding blend sign are dealt first, each to the fold
// with the fewest such groups, then the rest to the fold with the fewest slices. Fixed groups (an earlier run's, so a
// retraining on corrected labels is paired with it) keep their fold and count towards the balance.
public static class GroupKFold
{
    public const int BlendSignLabel = 2;

    /// <param name="fixedFolds">Groups whose fold (0-based) is already decided; null or missing groups are dealt.</param>
    public static int[] Assign(
        IReadOnlyList<TrainingExample> examples, int folds, int seed, IReadOnlyDictionary<string, int>? fixedFolds = null,
        int emphasisedLabel = BlendSignLabel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var groups = GroupsOf(examples, emphasisedLabel);
        if (groups.Length < folds)
        {
            throw new ArgumentException($"{folds} folds need at least {folds} scans; there are {groups.Length}.", nameof(folds));
        }

        new Random(seed).Shuffle(groups);
        var slices = new int[folds];
        var emphasised = new int[folds];
        var assignment = new int[examples.Count];
        var dealt = new List<Group>();
        foreach (var group in groups)
        {
            if (fixedFolds is not null && fixedFolds.TryGetValue(group.Id, out var fold))
            {
                if (fold < 0 || fold >= folds)
                {
                    throw new ArgumentException($"Scan {group.Id} is fixed to fold {fold + 1}, but there are {folds} folds.", nameof(fixedFolds));
                }

                Place(group, fold);
            }
            else
            {
                dealt.Add(group);
            }
        }

        foreach (var group in dealt.Where(g => g.HasEmphasised).Concat(dealt.Where(g => !g.HasEmphasised)))
        {
            Place(group, LightestFold(group, slices, emphasised));
        }

        return assignment;

        void Place(Group group, int fold)
        {
            slices[fold] += group.Indices.Length;
            emphasised[fold] += group.HasEmphasised ? 1 : 0;
            foreach (var index in group.Indices)
            {
                assignment[index] = fold;
            }
        }
    }

    private static Group[] GroupsOf(IReadOnlyList<TrainingExample> examples, int emphasisedLabel) =>
        examples
            .Select((example, index) => (example, index))
            .GroupBy(x => x.example.GroupId, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, [.. g.Select(x => x.index)], g.Any(x => x.example.Label == emphasisedLabel)))
            .ToArray();

    /// <summary>The fold with the fewest emphasised groups (then slices) for an emphasised group, else with the fewest slices; the first on a tie.</summary>
    private static int LightestFold(Group group, int[] slices, int[] emphasised)
    {
        var target = 0;
        for (var f = 1; f < slices.Length; f++)
        {
            var better = group.HasEmphasised
                ? (emphasised[f], slices[f]).CompareTo((emphasised[target], slices[target])) < 0
                : slices[f] < slices[target];
            if (better)
            {
                target = f;
            }
        }

        return target;
    }

    private sealed record Group(string Id, int[] Indices, bool HasEmphasised);
}
