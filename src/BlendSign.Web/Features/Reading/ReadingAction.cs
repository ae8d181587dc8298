using BlendSign.Data.Labels;
using BlendSign.Data.Reading;

namespace BlendSign.Web.Features.Reading;

/// <summary>One saved change of the viewer, with what it takes to revert it (the undo stack's entries).</summary>
public abstract record ReadingAction(string Description);

/// <summary>A slice's label was set; <paramref name="Old"/> is what it was before (null: unlabeled).</summary>
public sealed record LabelChanged(int SliceId, HemorrhageClass? Old, HemorrhageClass New)
    : ReadingAction($"label {New.ToWireName()}");

public sealed record BoxAdded(BoxReading Box) : ReadingAction("new box");

public sealed record BoxChanged(BoxReading Old) : ReadingAction("box change");

public sealed record BoxDeleted(BoxReading Old) : ReadingAction("box deletion");

public sealed record ExclusionChanged(ExclusionState? Old, ExclusionState? New)
    : ReadingAction(New is null ? "exclusion cleared" : $"exclusion {New.ReasonName}");
