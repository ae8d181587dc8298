using BlendSign.Data.Agreement;

namespace BlendSign.Data.Tests.Agreement;

/// <summary>Label matrices shaped like the study: scans of several slices, three raters who mostly agree.</summary>
public static class SyntheticRatings
{
    public const int StudySlices = 13_276;
    public const int StudyScans = 1_614;

    /// <summary>13,276 slices in 1,614 scans, classes about 22:9:1, raters keeping the truth 90–96% of the time.</summary>
    public static LabelMatrix Study(int seed = 7)
    {
        var random = new Random(seed);
        double[] accuracy = [0.96, 0.93, 0.90];
        var rows = new List<(int, int[])>(StudySlices);
        for (var scan = 0; scan < StudyScans; scan++)
        {
            var slices = (StudySlices / StudyScans) + (scan < StudySlices % StudyScans ? 1 : 0);
            for (var s = 0; s < slices; s++)
            {
                var u = random.NextDouble();
                var truth = u < 8864.0 / StudySlices ? 0 : u < (8864.0 + 3965.0) / StudySlices ? 1 : 2;
                var labels = accuracy
                    .Select(a => random.NextDouble() < a ? truth : (truth + 1 + random.Next(2)) % 3)
                    .ToArray();
                rows.Add((scan, labels));
            }
        }

        return LabelMatrix.FromRows(["rater1", "rater2", "rater3"], rows);
    }
}
