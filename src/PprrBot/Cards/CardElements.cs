using System.Text.Json.Nodes;

namespace PprrBot.Cards;

/// <summary>
/// Adaptive Card 1.5 elements as Teams renders them. Every TextBlock wraps (clipped text hides figures),
/// headings carry <c>style: heading</c> for screen readers, and buttons are Action.Submit objects so they
/// work in every Teams client.
/// </summary>
internal static class CardElements
{
    public static JsonObject Text(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null,
        bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "size", size);
        Set(block, "weight", weight);
        Set(block, "color", color);
        Set(block, "spacing", spacing);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    /// <summary>A section heading: bold, and marked as a heading for assistive technology.</summary>
    public static JsonObject Heading(string text, string size = "Medium", bool separator = false, string? spacing = null)
    {
        var block = Text(text, size: size, weight: "Bolder", spacing: spacing, separator: separator);
        block["style"] = "heading";
        return block;
    }

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, bool bleed = false, string? spacing = null, bool separator = false)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        Set(container, "style", style);
        Set(container, "spacing", spacing);
        if (bleed)
        {
            container["bleed"] = true;
        }

        if (separator)
        {
            container["separator"] = true;
        }

        return container;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts, string? spacing = null)
    {
        var set = new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
        };
        Set(set, "spacing", spacing);
        return set;
    }

    public static JsonObject Column(IEnumerable<JsonNode> items, string width = "stretch", string? verticalAlignment = null)
    {
        var column = new JsonObject { ["type"] = "Column", ["width"] = width, ["items"] = new JsonArray([.. items]) };
        Set(column, "verticalContentAlignment", verticalAlignment);
        return column;
    }

    public static JsonObject Columns(IEnumerable<JsonNode> columns, string? spacing = null, bool separator = false)
    {
        var set = new JsonObject { ["type"] = "ColumnSet", ["columns"] = new JsonArray([.. columns]) };
        Set(set, "spacing", spacing);
        if (separator)
        {
            set["separator"] = true;
        }

        return set;
    }

    /// <summary>A button whose data arrives as the message's value (Action.Submit works in every Teams client).</summary>
    public static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    public static JsonObject ActionSet(IEnumerable<JsonNode> actions, string? spacing = null)
    {
        var set = new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };
        Set(set, "spacing", spacing);
        return set;
    }

    /// <summary>
    /// A Table (1.5) with a header row, and a fallback for clients that cannot draw tables (Teams mobile
    /// has shown them blank): the same rows as a bulleted list.
    /// </summary>
    public static JsonObject Table(
        IReadOnlyList<(double Width, string Align)> columns,
        IReadOnlyList<string> header,
        IEnumerable<TableRowSpec> rows,
        JsonObject fallback)
    {
        var tableRows = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TableRow",
                ["style"] = "emphasis",
                ["cells"] = new JsonArray([.. header.Select(h => (JsonNode)Cell(Text(h, weight: "Bolder"), null))]),
            },
        };

        foreach (var row in rows)
        {
            var cells = new JsonArray();
            for (var i = 0; i < row.Cells.Count; i++)
            {
                cells.Add(Cell(row.Cells[i], i == row.StyledCell ? row.CellStyle : null));
            }

            tableRows.Add(new JsonObject { ["type"] = "TableRow", ["cells"] = cells });
        }

        return new JsonObject
        {
            ["type"] = "Table",
            ["columns"] = new JsonArray([.. columns.Select(ColumnDefinition)]),
            ["rows"] = tableRows,
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = false,
            ["fallback"] = fallback,
        };
    }

    private static JsonNode ColumnDefinition((double Width, string Align) column)
    {
        var definition = new JsonObject { ["width"] = column.Width };
        if (column.Align != "Left")
        {
            definition["horizontalCellContentAlignment"] = column.Align;
        }

        return definition;
    }

    private static JsonObject Cell(JsonObject content, string? style)
    {
        var cell = new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(content) };
        Set(cell, "style", style);
        return cell;
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}

/// <summary>One table row: its cell contents, and optionally one cell coloured (the RAG cell).</summary>
internal sealed record TableRowSpec(IReadOnlyList<JsonObject> Cells, int StyledCell = -1, string? CellStyle = null);
