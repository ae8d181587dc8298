using BlendSign.Data.Storage;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>Reads a slice's HU from the slice store and gives the network its three-window image, one slice at a time.</summary>
public sealed class SliceStoreImageSource(SliceStore store, IReadOnlyDictionary<string, string> storeKeyBySopInstanceUid) : IImageSource
{
    public float[] GetImage(string sampleId, int imageSize)
    {
        if (!storeKeyBySopInstanceUid.TryGetValue(sampleId, out var key))
        {
            throw new KeyNotFoundException($"No stored slice for SOP instance {sampleId}.");
        }

        return ThreeWindowImage.Render(store.Load(key), imageSize);
    }
}
