namespace PprrBot.Cards;

/// <summary>
/// Adaptive Card 1.5 elements as Teams renders them. Every TextBlock wraps (clipped text hides figures),
/// headings carry <c>style: heading</c> for screen readers, and buttons are Action.Submit objects so they
/// work in every Teams client (routing's officer card adds Action.Execute, with an Action.Submit fallback).
/// </summary>
internal static class CardElements
{
    public static CardObject Text(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null,
        bool separator = false,
        int? maxLines = null) =>
        TextBlock(text, size, weight, color, subtle, spacing, separator, maxLines, heading: false);

    /// <summary>A section heading: bold, and marked as a heading for assistive technology.</summary>
    public static CardObject Heading(string text, string size = "Medium", bool separator = false, string? spacing = null) =>
        TextBlock(text, size, "Bolder", color: null, subtle: false, spacing, separator, maxLines: null, heading: true);

    private static CardObject TextBlock(
        string text, string? size, string? weight, string? color, bool subtle, string? spacing, bool separator, int? maxLines, bool heading)
    {
        // Sized to what it will hold: a card has dozens of these.
        var capacity = 3 + (size is null ? 0 : 1) + (weight is null ? 0 : 1) + (color is null ? 0 : 1) + (spacing is null ? 0 : 1)
            + (subtle ? 1 : 0) + (separator ? 1 : 0) + (maxLines is null ? 0 : 1) + (heading ? 1 : 0);
        var block = new CardObject(capacity) { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = CardObject.True }
            .SetIfPresent("size", size)
            .SetIfPresent("weight", weight)
            .SetIfPresent("color", color)
            .SetIfPresent("spacing", spacing)
            .SetIfTrue("isSubtle", subtle)
            .SetIfTrue("separator", separator);
        if (maxLines is { } lines)
        {
            block["maxLines"] = lines;
        }

        return heading ? block.SetIfPresent("style", "heading") : block;
    }

    public static CardObject Container(IEnumerable<CardObject> items, string? style = null, bool bleed = false, string? spacing = null, bool separator = false) =>
        new CardObject(2 + (style is null ? 0 : 1) + (spacing is null ? 0 : 1) + (bleed ? 1 : 0) + (separator ? 1 : 0)) { ["type"] = "Container", ["items"] = List(items) }
            .SetIfPresent("style", style)
            .SetIfPresent("spacing", spacing)
            .SetIfTrue("bleed", bleed)
            .SetIfTrue("separator", separator);

    public static CardObject Facts(IEnumerable<(string Title, string Value)> facts, string? spacing = null) =>
        new CardObject
        {
            ["type"] = "FactSet",
            ["facts"] = List(facts.Select(f => new CardObject(2) { ["title"] = f.Title, ["value"] = f.Value })),
        }.SetIfPresent("spacing", spacing);

    public static CardObject Column(IEnumerable<CardObject> items, string width = "stretch", string? verticalAlignment = null) =>
        new CardObject { ["type"] = "Column", ["width"] = width, ["items"] = List(items) }
            .SetIfPresent("verticalContentAlignment", verticalAlignment);

    public static CardObject Columns(IEnumerable<CardObject> columns, string? spacing = null, bool separator = false) =>
        new CardObject { ["type"] = "ColumnSet", ["columns"] = List(columns) }
            .SetIfPresent("spacing", spacing)
            .SetIfTrue("separator", separator);

    /// <summary>A button whose data arrives as the message's value (Action.Submit works in every Teams client).</summary>
    public static CardObject Submit(string title, CardObject data) =>
        new(3) { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    /// <summary>
    /// A button that sends an invoke (adaptiveCard/action) with its verb and data, so the bot can answer with a
    /// replacement card. Give it an Action.Submit <paramref name="fallback"/> for clients without Action.Execute.
    /// </summary>
    public static CardObject Execute(string title, string verb, CardObject data, CardObject? fallback = null)
    {
        var action = new CardObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        if (fallback is not null)
        {
            action["fallback"] = fallback;
        }

        return action;
    }

    /// <summary>A button that opens a card of inputs below it (an answer box, a choice) with their own buttons.</summary>
    public static CardObject ShowCard(string title, IEnumerable<CardObject> body) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new CardObject { ["type"] = "AdaptiveCard", ["body"] = List(body) },
    };

    /// <summary>A labelled text box; its value arrives in the button's data under <paramref name="id"/>.</summary>
    public static CardObject TextInput(
        string id,
        string label,
        int maxLength,
        bool multiline = false,
        string? requiredMessage = null,
        string? placeholder = null,
        string? value = null)
    {
        var input = Input("Input.Text", id, label, multiline, requiredMessage);
        input["maxLength"] = maxLength;
        return input
            .SetIfPresent("placeholder", placeholder)
            .SetIfPresent("value", value);
    }

    /// <summary>A compact drop-down of choices (title shown, value sent).</summary>
    public static CardObject ChoiceInput(
        string id,
        string label,
        IEnumerable<(string Title, string Value)> choices,
        string? requiredMessage = null,
        string? value = null)
    {
        var input = Input("Input.ChoiceSet", id, label, multiline: false, requiredMessage);
        input["style"] = "compact";
        input.SetIfPresent("value", value);
        input["choices"] = List(choices.Select(c => new CardObject { ["title"] = c.Title, ["value"] = c.Value }));
        return input;
    }

    /// <summary>A date picker; the value arrives as yyyy-MM-dd.</summary>
    public static CardObject DateInput(string id, string label, DateOnly? min = null, string? requiredMessage = null) =>
        Input("Input.Date", id, label, multiline: false, requiredMessage)
            .SetIfPresent("min", min?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static CardObject ActionSet(IEnumerable<CardObject> actions, string? spacing = null) =>
        new CardObject { ["type"] = "ActionSet", ["actions"] = List(actions) }.SetIfPresent("spacing", spacing);

    /// <summary>
    /// A Table (1.5) with a header row, and a fallback for clients that cannot draw tables (Teams mobile
    /// has shown them blank): the same rows as a bulleted list.
    /// </summary>
    public static CardObject Table(
        IReadOnlyList<(double Width, string Align)> columns,
        IReadOnlyList<string> header,
        IEnumerable<TableRowSpec> rows,
        CardObject fallback)
    {
        var tableRows = new List<CardObject>
        {
            new()
            {
                ["type"] = "TableRow",
                ["style"] = "emphasis",
                ["cells"] = List(header.Select(h => Cell(Text(h, weight: "Bolder"), null))),
            },
        };

        foreach (var row in rows)
        {
            var cells = new CardObject[row.Cells.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Cell(row.Cells[i], i == row.StyledCell ? row.CellStyle : null);
            }

            tableRows.Add(new CardObject(2) { ["type"] = "TableRow", ["cells"] = cells });
        }

        return new CardObject(6)
        {
            ["type"] = "Table",
            ["columns"] = List(columns.Select(ColumnDefinition)),
            ["rows"] = tableRows,
            ["firstRowAsHeader"] = CardObject.True,
            ["showGridLines"] = false,
            ["fallback"] = fallback,
        };
    }

    /// <summary>The items of a container, column or set: a list as it is, anything else taken once.</summary>
    public static IReadOnlyList<CardObject> List(IEnumerable<CardObject> items) => items as IReadOnlyList<CardObject> ?? [.. items];

    /// <summary>An input with its label; with <paramref name="requiredMessage"/> it is required and says that when left empty
    /// (the adaptivecards parser warns on a required input without one).</summary>
    private static CardObject Input(string type, string id, string label, bool multiline, string? requiredMessage) =>
        new CardObject { ["type"] = type, ["id"] = id, ["label"] = label }
            .SetIfTrue("isMultiline", multiline)
            .SetIfTrue("isRequired", requiredMessage is not null)
            .SetIfPresent("errorMessage", requiredMessage);

    private static CardObject ColumnDefinition((double Width, string Align) column)
    {
        var definition = new CardObject { ["width"] = column.Width };
        return column.Align == "Left" ? definition : definition.SetIfPresent("horizontalCellContentAlignment", column.Align);
    }

    private static CardObject Cell(CardObject content, string? style) =>
        new CardObject(style is null ? 2 : 3) { ["type"] = "TableCell", ["items"] = new[] { content } }.SetIfPresent("style", style);
}

/// <summary>One table row: its cell contents, and optionally one cell coloured (the RAG cell).</summary>
internal sealed record TableRowSpec(IReadOnlyList<CardObject> Cells, int StyledCell = -1, string? CellStyle = null);
