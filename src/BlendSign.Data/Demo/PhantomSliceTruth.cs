using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

public sealed record PhantomSliceTruth(int Index, HemorrhageClass TrueClass, IReadOnlyList<BleedBox> Boxes);
