using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>One simulated rater's read of one phantom slice: a class and the boxes drawn.</summary>
public sealed record SimulatedRead(string Rater, int ScanNumber, int SliceIndex, HemorrhageClass Label, IReadOnlyList<SimulatedBox> Boxes);
