using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PprrBot.Protocol;

namespace PprrBot.Cards;

/// <summary>
/// One JSON object on a card (an element, an action, a button's data): its properties in the order they were set,
/// written straight to UTF-8. A card is built once and written once, so this holds no dictionary and no node per
/// value, which is what made <c>JsonObject</c> cards cost tens of microseconds and much of the 80 KB allocated per answer
/// (ADR-009). Values are strings, booleans, numbers, other <see cref="CardObject"/>s and lists of them.
/// </summary>
internal sealed class CardObject
{
    /// <summary>The flag true, boxed once: <c>["wrap"] = CardObject.True</c> allocates nothing, <c>["wrap"] = true</c> a box per element.</summary>
    public static readonly object True = true;

    private static readonly object False = false;

    private KeyValuePair<string, object?>[] _properties;
    private int _count;

    /// <param name="capacity">How many properties it will hold, when the builder knows (most hold two to four).</param>
    public CardObject(int capacity = 4) => _properties = new KeyValuePair<string, object?>[Math.Max(capacity, 1)];

    /// <summary>The value of a property, or null when it is not set. Setting replaces it in place or adds it at the end.</summary>
    public object? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index < 0 ? null : _properties[index].Value;
        }

        set
        {
            if (value is bool flag)
            {
                value = flag ? True : False;
            }

            var index = IndexOf(name);
            if (index >= 0)
            {
                _properties[index] = new(name, value);
                return;
            }

            if (_count == _properties.Length)
            {
                Array.Resize(ref _properties, _count * 2);
            }

            _properties[_count++] = new(name, value);
        }
    }

    /// <summary>Sets the property only when there is a value (an optional style, spacing or size).</summary>
    public CardObject SetIfPresent(string name, string? value)
    {
        if (value is not null)
        {
            this[name] = value;
        }

        return this;
    }

    /// <summary>Sets a flag only when it is true (Adaptive Cards' flags default to false).</summary>
    public CardObject SetIfTrue(string name, bool value)
    {
        if (value)
        {
            this[name] = True;
        }

        return this;
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < _count; i++)
        {
            writer.WritePropertyName(_properties[i].Key);
            WriteValue(writer, _properties[i].Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>The object as compact UTF-8 JSON. Non-ASCII text (£, –, ⚠) is written as UTF-8, not escaped:
    /// the card goes to Teams as JSON, never into HTML, and escaping would make cards up to a sixth larger.</summary>
    public byte[] ToUtf8Json() => Scratch.Write(this, static (writer, card) => card.WriteTo(writer), static json => json.ToArray());

    private static readonly ScratchJson Scratch = new(new JsonWriterOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    });

    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_properties[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case CardObject child:
                child.WriteTo(writer);
                break;
            case IReadOnlyList<CardObject> items:
                writer.WriteStartArray();
                for (var i = 0; i < items.Count; i++)
                {
                    items[i].WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException(string.Create(
                    CultureInfo.InvariantCulture, $"A card cannot hold a {value.GetType().Name}; use text, a number, a flag or card objects."));
        }
    }
}
