using BlendSign.Data.Labels;
namespace BlendSign.Data.Reading;

/// <summary>One of the signed-in rater's boxes.</summary>
public sealed record BoxReading(int BoxId, int SliceId, BoxGeometry Geometry);
