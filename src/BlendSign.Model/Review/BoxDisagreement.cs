namespace BlendSign.Model.Review;

/// <summary>Where the model's call of "bleed or not" contradicts the consensus boxes.</summary>
public enum BoxDisagreement
{
    None,

    /// <summary>The model is confident there is a hemorrhage but no consensus box was drawn.</summary>
    PredictedBleedWithoutBox,

    /// <summary>A consensus box exists but the model is confident there is no hemorrhage.</summary>
    BoxWithoutPredictedBleed,
}
