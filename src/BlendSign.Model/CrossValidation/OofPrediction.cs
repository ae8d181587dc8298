namespace BlendSign.Model.CrossValidation;

// Softmax probabilities in class order non_ich, normal_ich, blend_sign, from the model of the fold (1-based) that held
// the sample out.
public sealed record OofPrediction(string SampleId, string GroupId, int Fold, int Label, IReadOnlyList<double> Probabilities);
