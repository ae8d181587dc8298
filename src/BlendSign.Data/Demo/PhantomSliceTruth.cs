using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>The truth for one phantom slice: its class and the box of every bleed it shows.</summary>
public sealed record PhantomSliceTruth(int Index, HemorrhageClass TrueClass, IReadOnlyList<BleedBox> Boxes);
