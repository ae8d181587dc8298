namespace BlendSign.Data.Rendering;

/// <summary>Bounded by the total weight (bytes) of its values; a value heavier than the whole capacity is never stored.</summary>
internal sealed class LruCache<TKey, TValue>(long capacityBytes, Func<TValue, long> weigh)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = [];

    // Most recently used first; eviction takes from the end.
    private readonly LinkedList<Entry> _order = new();
    private long _sizeBytes;

    public long CapacityBytes { get; } = capacityBytes >= 0
        ? capacityBytes
        : throw new ArgumentOutOfRangeException(nameof(capacityBytes), "The capacity cannot be negative.");

    public long SizeBytes
    {
        get
        {
            lock (_lock)
            {
                return _sizeBytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        var weight = weigh(value);
        lock (_lock)
        {
            if (_entries.Remove(key, out var existing))
            {
                _order.Remove(existing);
                _sizeBytes -= existing.Value.Weight;
            }

            if (weight > CapacityBytes)
            {
                return;
            }

            _entries[key] = _order.AddFirst(new Entry(key, value, weight));
            _sizeBytes += weight;
            while (_sizeBytes > CapacityBytes)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
                _sizeBytes -= last.Value.Weight;
            }
        }
    }

    // The factory runs outside the lock, so two threads missing the same key may both compute it: the values are equal,
    // and blocking every reader behind one slow render is worse.
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        if (TryGet(key, out var cached))
        {
            return cached;
        }

        var value = factory(key);
        Set(key, value);
        return value;
    }

    private readonly record struct Entry(TKey Key, TValue Value, long Weight);
}
