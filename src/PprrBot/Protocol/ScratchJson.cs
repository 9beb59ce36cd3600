using System.Buffers;
using System.Text.Json;

namespace PprrBot.Protocol;

/// <summary>
/// JSON written in one go and then copied out (a card, an outgoing activity): one growable buffer per thread, and one
/// writer per thread for each set of writer options, reused from write to write. Growing a fresh buffer for every card
/// and every activity cost more than writing them (ADR-009). The bytes are only valid inside the <c>take</c> callback,
/// and a write must not start another on the same thread.
/// </summary>
internal sealed class ScratchJson
{
    // An unusually large document: its buffer is not kept for the life of the thread.
    private const int MaxKeptBuffer = 256 * 1024;

    private static int s_count;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter?[]? t_writers;

    private readonly JsonWriterOptions _options;
    private readonly int _slot;

    public ScratchJson(JsonWriterOptions options)
    {
        _options = options;
        _slot = Interlocked.Increment(ref s_count) - 1;
    }

    public TResult Write<TState, TResult>(TState state, Action<Utf8JsonWriter, TState> write, Func<ReadOnlySpan<byte>, TResult> take)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writers = t_writers ??= new Utf8JsonWriter?[4];
        if (_slot >= writers.Length)
        {
            Array.Resize(ref writers, _slot + 1);
            t_writers = writers;
        }

        var writer = writers[_slot] ??= new Utf8JsonWriter(buffer, _options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var result = take(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBuffer)
        {
            // The writers hold the buffer too: let both go.
            t_buffer = null;
            t_writers = null;
        }

        return result;
    }
}
