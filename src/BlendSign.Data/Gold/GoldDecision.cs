using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>The gold label of one slice (null for a tie or too few reads), its vote count and status.</summary>
public sealed record GoldDecision(HemorrhageClass? Label, int Votes, GoldStatus Status);
