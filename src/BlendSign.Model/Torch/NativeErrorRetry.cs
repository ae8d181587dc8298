using System.Runtime.InteropServices;

namespace BlendSign.Model.Torch;

// TorchSharp 0.107 passes the native handle of a temporary Scalar (any implicit conversion, such as BatchNorm's
// num_batches_tracked.add_(1)) without keeping the Scalar alive, so a garbage collection triggered by another thread
// may free it while LibTorch reads it. Rare (one step in some ten thousand here); it surfaces as an ExternalException
// such as "For integral input tensors, argument alpha must not be a floating point number". Work that continues from
// its own checkpoints is simply run again; a deterministic error is rethrown once the retries are spent.
public static class NativeErrorRetry
{
    public static T Run<T>(Func<T> work, int retries, Action<ExternalException, int> onRetry)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(onRetry);
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        for (var retry = 1; ; retry++)
        {
            try
            {
                return work();
            }
            catch (ExternalException exception) when (retry <= retries)
            {
                onRetry(exception, retry);
            }
        }
    }

    public static string FirstLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
