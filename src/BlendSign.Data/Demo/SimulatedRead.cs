using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

public sealed record SimulatedRead(string Rater, int ScanNumber, int SliceIndex, HemorrhageClass Label, IReadOnlyList<SimulatedBox> Boxes);
