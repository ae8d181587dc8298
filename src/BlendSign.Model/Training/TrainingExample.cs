namespace BlendSign.Model.Training;

// SampleId is the SOP Instance UID; GroupId the scan (cross-validation never splits a group); Label the class index in
// the study's order (0 non_ich, 1 normal_ich, 2 blend_sign); Boxes the gold boxes, the detection target (none: an
// empty center map).
public sealed record TrainingExample(string SampleId, string GroupId, int Label, IReadOnlyList<GoldBox>? Boxes = null)
{
    public IReadOnlyList<GoldBox> GoldBoxes => Boxes ?? [];
}
