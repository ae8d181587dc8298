using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

public sealed record AdjudicationInfo(HemorrhageClass Label, string DecidedByName, DateTimeOffset DecidedAt, string? Note);
