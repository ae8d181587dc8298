namespace BlendSign.Web.Features.Reading.Load;

/// <summary>The run's cap on requests, shared by its raters: once spent, every rater stops, deadline or not.</summary>
internal sealed class RequestBudget(int maxRequests)
{
    private int _taken;

    public int Taken => Volatile.Read(ref _taken);

    /// <summary>Takes <paramref name="requests"/> from the budget; false (and nothing taken) when they no longer fit.</summary>
    public bool TryTake(int requests)
    {
        if (Interlocked.Add(ref _taken, requests) <= maxRequests)
        {
            return true;
        }

        Interlocked.Add(ref _taken, -requests);
        return false;
    }
}
