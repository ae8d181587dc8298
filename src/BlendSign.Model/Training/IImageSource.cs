namespace BlendSign.Model.Training;

/// <summary>Gives the network its input, one sample at a time, so memory is bounded by the batch size.</summary>
public interface IImageSource
{
    /// <summary>
    /// The sample's three-window image as planar CHW floats in [0,1]: 3 × <paramref name="imageSize"/> ×
    /// <paramref name="imageSize"/> values, channel after channel, rows top to bottom.
    /// </summary>
    float[] GetImage(string sampleId, int imageSize);
}
