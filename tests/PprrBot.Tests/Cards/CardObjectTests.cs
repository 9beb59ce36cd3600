using System.Text;
using System.Text.Json.Nodes;
using PprrBot.Cards;

namespace PprrBot.Tests.Cards;

public class CardObjectTests
{
    [Fact]
    public void WritesPropertiesInOrderWithEachNameOnce()
    {
        var block = new CardObject { ["type"] = "TextBlock", ["text"] = "first", ["wrap"] = true };
        block["text"] = "second";

        var json = Encoding.UTF8.GetString(block.ToUtf8Json());

        Assert.Equal("""{"type":"TextBlock","text":"second","wrap":true}""", json);
    }

    [Fact]
    public void WritesPoundsDashesAndQuotesAsJsonTeamsReadsBack()
    {
        var text = "Forecast out-turn £1.83m – \"over\" budget\n⚠ sample";
        var block = new CardObject { ["text"] = text, ["width"] = 1.2, ["items"] = new[] { new CardObject { ["n"] = 3 } } };

        var parsed = JsonNode.Parse(block.ToUtf8Json())!;

        Assert.Equal(text, (string?)parsed["text"]);
        Assert.Equal(1.2, (double?)parsed["width"]);
        Assert.Equal(3, (int?)parsed["items"]![0]!["n"]);
    }

    [Fact]
    public void LeavesOutOptionalPropertiesThatAreNotGiven()
    {
        var block = new CardObject { ["type"] = "Container" }.SetIfPresent("style", null).SetIfTrue("separator", false);

        Assert.Equal("""{"type":"Container"}""", Encoding.UTF8.GetString(block.ToUtf8Json()));
    }

    [Fact]
    public void RefusesAValueJsonCannotCarry()
    {
        var block = new CardObject { ["when"] = DateTime.UnixEpoch };

        Assert.Throws<NotSupportedException>(() => block.ToUtf8Json());
    }
}
