using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>
/// A simulated radiologist: a confusion matrix over the three classes (rows: true class, columns: the
/// class read; study order non_ich, normal_ich, blend_sign) and how carefully boxes are drawn.
/// </summary>
/// <param name="BoxJitterPixels">Standard deviation of each box edge's error.</param>
/// <param name="CenterJitterPixels">Standard deviation of the center's error along each axis.</param>
/// <param name="MissedBoxProbability">Chance of drawing no box for a bleed on a slice read as hemorrhage.</param>
public sealed record SimulatedRater(
    string UserName,
    int YearsOfExperience,
    IReadOnlyList<IReadOnlyList<double>> Confusion,
    double BoxJitterPixels,
    double CenterJitterPixels,
    double MissedBoxProbability)
{
    public double ProbabilityOf(HemorrhageClass truth, HemorrhageClass read) => Confusion[(int)truth][(int)read];

    /// <summary>
    /// The study's three readers (15, 11 and 6 years). Errors are rare for non_ich and concentrate on
    /// blend_sign read as normal_ich; the junior reader errs about twice as often. Over the 22:9:1 mix these
    /// give per-class Fleiss kappas near the study's Table 2 (0.91, 0.86, 0.79).
    /// </summary>
    public static IReadOnlyList<SimulatedRater> StudyRaters { get; } =
    [
        new("rater1", 15,
            [[0.9901, 0.0096, 0.0003], [0.0240, 0.9664, 0.0096], [0.0060, 0.0510, 0.9430]],
            BoxJitterPixels: 1.0, CenterJitterPixels: 1.0, MissedBoxProbability: 0.02),
        new("rater2", 11,
            [[0.9868, 0.0128, 0.0004], [0.0320, 0.9552, 0.0128], [0.0080, 0.0680, 0.9240]],
            BoxJitterPixels: 1.5, CenterJitterPixels: 1.5, MissedBoxProbability: 0.04),
        new("rater3", 6,
            [[0.9769, 0.0224, 0.0007], [0.0560, 0.9216, 0.0224], [0.0140, 0.1190, 0.8670]],
            BoxJitterPixels: 3.0, CenterJitterPixels: 2.5, MissedBoxProbability: 0.08),
    ];
}
