namespace PprrBot.Protocol;

/// <summary>
/// Remembers keys (conversation id + activity id) for a while so a redelivered activity is processed once
/// (protocol.md §1.7). Bounded: past the capacity the oldest keys are forgotten first.
/// </summary>
internal sealed class RedeliveryFilter(TimeProvider time, TimeSpan window, int capacity)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    public const int DefaultCapacity = 20_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time a key is seen within the window; false for a repeat.</summary>
    public bool TryFirstSighting(string key)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            if (_seen.TryGetValue(key, out var at) && now - at < window)
            {
                return false;
            }

            _seen[key] = now;
            _order.Enqueue((key, now));
            return true;
        }
    }

    /// <summary>Forgets a key, e.g. when the activity it stood for could not be accepted after all.</summary>
    public void Forget(string key)
    {
        lock (_lock)
        {
            _seen.Remove(key);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (now - oldest.At >= window || _order.Count >= capacity))
        {
            _order.Dequeue();
            if (_seen.TryGetValue(oldest.Key, out var at) && at == oldest.At)
            {
                _seen.Remove(oldest.Key);
            }
        }
    }
}
