namespace BlendSign.Model.Training;

/// <summary>
/// One labelled slice: <paramref name="SampleId"/> names it to the <see cref="IImageSource"/> (the SOP instance UID),
/// <paramref name="GroupId"/> is the scan it belongs to (cross-validation never splits a group),
/// <paramref name="Label"/> is the class index in the study's order: 0 non_ich, 1 normal_ich, 2 blend_sign, and
/// <paramref name="Boxes"/> are its gold (consensus) hemorrhage boxes, the detection branch's target (none: an empty
/// center map).
/// </summary>
public sealed record TrainingExample(string SampleId, string GroupId, int Label, IReadOnlyList<GoldBox>? Boxes = null)
{
    public IReadOnlyList<GoldBox> GoldBoxes => Boxes ?? [];
}
