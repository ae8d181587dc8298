using BlendSign.Data.Storage;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

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
