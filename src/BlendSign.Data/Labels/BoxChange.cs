using BlendSign.Data.Audit;

namespace BlendSign.Data.Labels;

/// <summary>A box a CSV import adds or removes, audited once the save has given new boxes their ids.</summary>
internal sealed record BoxChange(AuditAction Action, HemorrhageBox Box, RaterTarget Rater, SliceTarget Slice);
