using BlendSign.Data.Labels;

namespace BlendSign.Web.Features.Gold;

public static class AdjudicationKeys
{
    public static IReadOnlyList<(string Key, HemorrhageClass Label)> Classes { get; } =
        [("1", HemorrhageClass.NonIch), ("2", HemorrhageClass.NormalIch), ("3", HemorrhageClass.BlendSign)];
}
