using BlendSign.Data.Labels;
namespace BlendSign.Data.Reading;

public sealed record BoxReading(int BoxId, int SliceId, BoxGeometry Geometry);
