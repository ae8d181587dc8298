using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>Confusion rows: the true class; columns: the class read (study order non_ich, normal_ich, blend_sign).</summary>
/// <param name="BoxJitterPixels">Standard deviation of each box edge's error.</param>
/// <param name="CenterJitterPixels">Standard deviation of the center's error along each axis.</param>
public sealed record SimulatedRater(
    string UserName,
    int YearsOfExperience,
    IReadOnlyList<IReadOnlyList<double>> Confusion,
    double AmbiguityErrorRate,
    double BoxJitterPixels,
    double CenterJitterPixels,
    double MissedBoxProbability)
{
    public double ProbabilityOf(HemorrhageClass truth, HemorrhageClass read) => Confusion[(int)truth][(int)read];

    // The study's three readers (15, 11 and 6 years); the junior errs about twice as often. With the shared ambiguous
    // slices, over the 22:9:1 mix these give per-class Fleiss kappas near the study's Table 2 (0.91, 0.86, 0.79) and a
    // majority vote that misses the truth on about 1.4% of slices.
    public static IReadOnlyList<SimulatedRater> StudyRaters { get; } =
    [
        new("rater1", 15,
            [[0.9916, 0.0082, 0.0002], [0.0204, 0.9734, 0.0062], [0.0039, 0.0332, 0.9629]],
            AmbiguityErrorRate: 0.45, BoxJitterPixels: 1.0, CenterJitterPixels: 1.0, MissedBoxProbability: 0.02),
        new("rater2", 11,
            [[0.9888, 0.0109, 0.0003], [0.0272, 0.9645, 0.0083], [0.0052, 0.0442, 0.9506]],
            AmbiguityErrorRate: 0.5, BoxJitterPixels: 1.5, CenterJitterPixels: 1.5, MissedBoxProbability: 0.04),
        new("rater3", 6,
            [[0.9805, 0.0190, 0.0005], [0.0476, 0.9378, 0.0146], [0.0091, 0.0774, 0.9135]],
            AmbiguityErrorRate: 0.65, BoxJitterPixels: 3.0, CenterJitterPixels: 2.5, MissedBoxProbability: 0.08),
    ];
}
