namespace PprrBot.Protocol;

/// <summary>
/// Remembers keys (conversation id + activity id) for a while so a redelivered activity is processed once
/// (protocol.md §1.7), optionally with what the first delivery produced. Bounded: past the capacity the oldest keys
/// are forgotten first.
/// </summary>
internal sealed class RedeliveryFilter(TimeProvider time, TimeSpan window, int capacity)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    public const int DefaultCapacity = 20_000;

    private readonly Dictionary<string, (DateTimeOffset At, object? Value)> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time a key is seen within the window; false for a repeat.</summary>
    /// <summary>True if this activity was already accepted within the window (Teams redelivers slow ones).</summary>
    public bool IsRedelivery(Activity activity) => activity.Id is { Length: > 0 } && !TryFirstSighting(DeliveryKey(activity));

    /// <summary>Undoes <see cref="IsRedelivery"/> for an activity we refused (queue full), so Teams' retry is processed.</summary>
    public void ForgetDelivery(Activity activity) => Forget(DeliveryKey(activity));

    public bool TryFirstSighting(string key) => Remember<object>(key, static () => new object()).First;

    /// <summary>
    /// The value remembered for the key within the window, or, the first time, the one <paramref name="create"/>
    /// makes (called under a lock: keep it cheap, e.g. start a task).
    /// </summary>
    public (T Value, bool First) Remember<T>(string key, Func<T> create)
        where T : class
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            if (_seen.TryGetValue(key, out var seen) && now - seen.At < window && seen.Value is T remembered)
            {
                return (remembered, false);
            }

            var value = create();
            _seen[key] = (now, value);
            _order.Enqueue((key, now));
            return (value, true);
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

    private static string DeliveryKey(Activity activity) => $"{activity.Conversation?.Id}|{activity.Id}";

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (now - oldest.At >= window || _order.Count >= capacity))
        {
            _order.Dequeue();
            if (_seen.TryGetValue(oldest.Key, out var seen) && seen.At == oldest.At)
            {
                _seen.Remove(oldest.Key);
            }
        }
    }
}
