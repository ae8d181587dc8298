using BlendSign.Model.Training;

namespace BlendSign.Model.CrossValidation;

/// <summary>
/// Splits examples into folds by group (scan), so one scan's slices never sit on both sides. Seeded: groups are
/// shuffled, then the groups holding the emphasised class (blend sign) are dealt first, each to the fold with the
/// fewest such groups, then every other group to the fold with the fewest slices.
/// </summary>
public static class GroupKFold
{
    public const int BlendSignLabel = 2;

    /// <summary>The fold (0-based) of each example, in the examples' order.</summary>
    public static int[] Assign(IReadOnlyList<TrainingExample> examples, int folds, int seed, int emphasisedLabel = BlendSignLabel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var groups = examples
            .Select((example, index) => (example, index))
            .GroupBy(x => x.example.GroupId, StringComparer.Ordinal)
            .Select(g => new Group([.. g.Select(x => x.index)], g.Any(x => x.example.Label == emphasisedLabel)))
            .ToArray();
        if (groups.Length < folds)
        {
            throw new ArgumentException($"{folds} folds need at least {folds} scans; there are {groups.Length}.", nameof(folds));
        }

        new Random(seed).Shuffle(groups);
        var slices = new int[folds];
        var emphasised = new int[folds];
        var assignment = new int[examples.Count];
        foreach (var group in groups.Where(g => g.HasEmphasised).Concat(groups.Where(g => !g.HasEmphasised)))
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

            slices[target] += group.Indices.Length;
            emphasised[target] += group.HasEmphasised ? 1 : 0;
            foreach (var index in group.Indices)
            {
                assignment[index] = target;
            }
        }

        return assignment;
    }

    private sealed record Group(int[] Indices, bool HasEmphasised);
}
