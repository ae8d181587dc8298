using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Layout.Account;

/// <summary>Failed sign-ins per client address in a sliding window; bounded memory (<see cref="SignInProtectionOptions.MaxClients"/>).</summary>
public sealed class SignInThrottle(IOptions<SignInProtectionOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ClientFailures> _clients = new(StringComparer.Ordinal);

    /// <summary>How long the client must wait before its next try; null when it may try now.</summary>
    public TimeSpan? WaitFor(string client)
    {
        if (!_clients.TryGetValue(client, out var failures))
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (failures)
        {
            failures.Forget(now - options.Value.ClientWindow);
            return failures.Count >= options.Value.ClientFailures ? failures.Oldest + options.Value.ClientWindow - now : null;
        }
    }

    public void RecordFailure(string client)
    {
        if (_clients.Count >= options.Value.MaxClients)
        {
            ForgetQuietClients();
        }

        var failures = _clients.GetOrAdd(client, _ => new ClientFailures());
        lock (failures)
        {
            failures.Add(time.GetUtcNow());
        }
    }

    private void ForgetQuietClients()
    {
        var since = time.GetUtcNow() - options.Value.ClientWindow;
        foreach (var (client, failures) in _clients)
        {
            lock (failures)
            {
                failures.Forget(since);
                if (failures.Count == 0)
                {
                    _clients.TryRemove(client, out _);
                }
            }
        }

        // Still full of active clients (a distributed guess): forget the half that failed longest ago.
        if (_clients.Count >= options.Value.MaxClients)
        {
            foreach (var client in _clients.OrderBy(c => c.Value.Newest).Take(_clients.Count / 2).Select(c => c.Key).ToList())
            {
                _clients.TryRemove(client, out _);
            }
        }
    }

    private sealed class ClientFailures
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public int Count => _times.Count;

        public DateTimeOffset Oldest => _times.Peek();

        public DateTimeOffset Newest { get; private set; }

        public void Add(DateTimeOffset at)
        {
            _times.Enqueue(at);
            Newest = at;
        }

        public void Forget(DateTimeOffset before)
        {
            while (_times.Count > 0 && _times.Peek() < before)
            {
                _times.Dequeue();
            }
        }
    }
}
