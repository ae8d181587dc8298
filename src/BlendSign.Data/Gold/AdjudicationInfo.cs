using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>The adjudication of a slice as pages and exports show it.</summary>
public sealed record AdjudicationInfo(HemorrhageClass Label, string DecidedByName, DateTimeOffset DecidedAt, string? Note);
