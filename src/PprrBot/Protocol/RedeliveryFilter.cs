using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PprrBot.Protocol;

/// <summary>
/// Remembers keys (conversation id + activity id) for a while so a redelivered activity is processed once
/// (protocol.md §1.7), optionally with what the first delivery produced. Bounded: past the capacity the oldest keys
/// are forgotten first. Keys are held as a 128-bit hash of their text, not the text: Teams' conversation ids run to
/// a hundred characters and more, and a full filter holds 20,000 keys (docs/performance.md, "Load").
/// </summary>
internal sealed class RedeliveryFilter(TimeProvider time, TimeSpan window, int capacity)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    public const int DefaultCapacity = 20_000;

    private static readonly object Seen = new();

    private readonly Dictionary<UInt128, (DateTimeOffset At, object? Value)> _seen = [];
    private readonly Queue<(UInt128 Key, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True if this activity was already accepted within the window (Teams redelivers slow ones).</summary>
    public bool IsRedelivery(Activity activity) => activity.Id is { Length: > 0 } && !TryFirstSighting(DeliveryKey(activity));

    /// <summary>Undoes <see cref="IsRedelivery"/> for an activity we refused (queue full), so Teams' retry is processed.</summary>
    public void ForgetDelivery(Activity activity) => Forget(DeliveryKey(activity));

    /// <summary>True the first time a key is seen within the window; false for a repeat.</summary>
    public bool TryFirstSighting(string key) => Remember(key, static () => Seen).First;

    /// <summary>
    /// The value remembered for the key within the window, or, the first time, the one <paramref name="create"/>
    /// makes (called under a lock: keep it cheap, e.g. start a task).
    /// </summary>
    public (T Value, bool First) Remember<T>(string key, Func<T> create)
        where T : class
    {
        var now = time.GetUtcNow();
        var hash = Hash(key);
        lock (_lock)
        {
            Forget(now);
            if (_seen.TryGetValue(hash, out var seen) && now - seen.At < window && seen.Value is T remembered)
            {
                return (remembered, false);
            }

            var value = create();
            _seen[hash] = (now, value);
            _order.Enqueue((hash, now));
            return (value, true);
        }
    }

    /// <summary>Forgets a key, e.g. when the activity it stood for could not be accepted after all.</summary>
    public void Forget(string key)
    {
        var hash = Hash(key);
        lock (_lock)
        {
            _seen.Remove(hash);
        }
    }

    private static string DeliveryKey(Activity activity) => $"{activity.Conversation?.Id}|{activity.Id}";

    private static UInt128 Hash(string key) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key.AsSpan()));

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
