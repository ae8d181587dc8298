namespace BlendSign.Model.CrossValidation;

/// <summary>
/// An out-of-fold prediction: the softmax probabilities (class order non_ich, normal_ich, blend_sign) given to a
/// sample by the model of the fold (1-based) that held it out.
/// </summary>
public sealed record OofPrediction(string SampleId, string GroupId, int Fold, int Label, IReadOnlyList<double> Probabilities);
