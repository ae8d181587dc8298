namespace BlendSign.Data.Persistence;

/// <summary>
/// Results computed once per key (a <see cref="StudyVersion"/>, a run), at most <c>capacity</c> of them, the least
/// recently used dropped first. Callers asking for a key while it is being computed wait for that one computation;
/// a computation that fails is forgotten, so the next caller tries again.
/// </summary>
public sealed class ComputedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Task<TValue> Value)>> _entries = [];
    private readonly LinkedList<(TKey Key, Task<TValue> Value)> _recency = new();
    private readonly Lock _lock = new();

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Task<TValue> task;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                task = node.Value.Value;
            }
            else
            {
                task = Task.Run(compute);
                _entries[key] = _recency.AddFirst((key, task));
                while (_entries.Count > capacity && _recency.Last is { } oldest)
                {
                    _recency.RemoveLast();
                    _entries.Remove(oldest.Value.Key);
                }
            }
        }

        try
        {
            return await task;
        }
        catch
        {
            Forget(key, task);
            throw;
        }
    }

    private void Forget(TKey key, Task<TValue> task)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Value == task)
            {
                _recency.Remove(node);
                _entries.Remove(key);
            }
        }
    }
}
