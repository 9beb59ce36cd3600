using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PprrBot.Protocol;

/// <summary>
/// JSON carried as it is: an attachment's content (an Adaptive Card) is written into the activity without being
/// parsed, copied into a tree or re-encoded on the way out.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public static RawJson From(JsonNode node) => new(JsonSerializer.SerializeToUtf8Bytes(node, ProtocolJsonContext.Default.JsonNode));

    /// <summary>The content as a JSON tree, for reading it.</summary>
    public JsonNode? ToNode() => JsonNode.Parse(Utf8.Span);

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);
}

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement, ProtocolJsonContext.Default.JsonElement));
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
