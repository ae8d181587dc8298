using BlendSign.Data.Labels;

namespace BlendSign.Web.Features.Gold;

/// <summary>The keys that decide a slice in the lead's views, as in the rater's viewer.</summary>
public static class AdjudicationKeys
{
    public static IReadOnlyList<(string Key, HemorrhageClass Label)> Classes { get; } =
        [("1", HemorrhageClass.NonIch), ("2", HemorrhageClass.NormalIch), ("3", HemorrhageClass.BlendSign)];
}
