using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>What one expected rater gave a slice: the label (null: not read yet) and the boxes.</summary>
public sealed record RaterRead(string Rater, HemorrhageClass? Label, IReadOnlyList<RaterBox> Boxes);
