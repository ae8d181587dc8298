using System.Runtime.InteropServices;

namespace BlendSign.Model.Torch;

/// <summary>
/// Runs work that continues from its own checkpoints (cross-validation) again after a LibTorch error, a bounded number
/// of times. Why: TorchSharp 0.107 passes the native handle of a temporary <c>Scalar</c> (any implicit conversion, such as
/// BatchNorm's <c>num_batches_tracked.add_(1)</c>) without keeping the Scalar alive, so when another thread's allocation
/// triggers a garbage collection during the call, the finalizer may free the Scalar while LibTorch reads it. It is rare
/// (one failed step in some ten thousand here) and surfaces as an <see cref="ExternalException"/> such as "For integral
/// input tensors, argument alpha must not be a floating point number". A deterministic error fails every time and is
/// rethrown once the retries are spent.
/// </summary>
public static class NativeErrorRetry
{
    /// <param name="onRetry">Told each error that is retried and the retry's number (1-based), before the retry.</param>
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

    /// <summary>The first line of a LibTorch error: its message without the C++ frames that follow it.</summary>
    public static string FirstLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
