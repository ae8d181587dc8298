namespace BlendSign.Model.Review;

public enum BoxDisagreement
{
    None,
    PredictedBleedWithoutBox,
    BoxWithoutPredictedBleed,
}
