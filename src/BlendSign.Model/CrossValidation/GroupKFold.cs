using BlendSign.Model.Training;

namespace BlendSign.Model.CrossValidation;

/// <summary>
/// Splits examples into folds by group (scan), so one scan's slices never sit on both sides. Seeded: groups are
/// shuffled, then the groups holding the emphasised class (blend sign) are dealt first, each to the fold with the
/// fewest such groups, then every other group to the fold with the fewest slices. Groups given a fixed fold (those of
/// an earlier run, so that a retraining on corrected labels is paired with it) keep it and count towards the balance.
/// </summary>
public static class GroupKFold
{
    public const int BlendSignLabel = 2;

    /// <summary>The fold (0-based) of each example, in the examples' order.</summary>
    /// <param name="fixedFolds">Groups whose fold (0-based) is already decided; null or missing groups are dealt.</param>
    public static int[] Assign(
        IReadOnlyList<TrainingExample> examples, int folds, int seed, IReadOnlyDictionary<string, int>? fixedFolds = null,
        int emphasisedLabel = BlendSignLabel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var groups = examples
            .Select((example, index) => (example, index))
            .GroupBy(x => x.example.GroupId, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, [.. g.Select(x => x.index)], g.Any(x => x.example.Label == emphasisedLabel)))
            .ToArray();
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
            var target = 0;
            for (var f = 1; f < folds; f++)
            {
                var better = group.HasEmphasised
                    ? (emphasised[f], slices[f]).CompareTo((emphasised[target], slices[target])) < 0
                    : slices[f] < slices[target];
                if (better)
                {
                    target = f;
                }
            }

            Place(group, target);
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

    private sealed record Group(string Id, int[] Indices, bool HasEmphasised);
}
