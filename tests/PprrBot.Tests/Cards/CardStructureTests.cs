using PprrBot.Cards;

namespace PprrBot.Tests.Cards;

/// <summary>What every card must have for Teams and for accessibility, checked on every card type.</summary>
public class CardStructureTests
{
    // protocol.md §3.7: keep single cards well under 28 KB of JSON for old and mobile clients.
    private const int MaxCardBytes = 28 * 1024;

    public static TheoryData<string> CardNames() => [.. CardGallery.All().Select(c => c.Name)];

    private static System.Text.Json.Nodes.JsonObject Card(string name) => CardGallery.All().Single(c => c.Name == name).Message.Card!;

    [Theory]
    [MemberData(nameof(CardNames))]
    public void IsVersionOnePointFiveWithSpeakFallbackAndSummary(string name)
    {
        var message = CardGallery.All().Single(c => c.Name == name).Message;

        Assert.Equal(CardDocument.Version, (string?)message.Card!["version"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)message.Card["speak"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)message.Card["fallbackText"]));
        Assert.False(string.IsNullOrWhiteSpace(message.Summary));
        Assert.Null(message.Text);
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void WrapsEveryTextBlock(string name)
    {
        var textBlocks = CardJson.Elements(Card(name), "TextBlock").ToList();

        Assert.NotEmpty(textBlocks);
        Assert.All(textBlocks, t => Assert.True((bool?)t["wrap"], $"TextBlock \"{t["text"]}\" does not wrap"));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void StartsWithAHeadingForScreenReaders(string name)
    {
        var headings = CardJson.Elements(Card(name), "TextBlock").Where(t => (string?)t["style"] == "heading");

        Assert.NotEmpty(headings);
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void StaysUnderTwentyEightKilobytes(string name)
    {
        var bytes = CardGallery.All().Single(c => c.Name == name).Message.CardJson!.Value.Length;

        Assert.True(bytes < MaxCardBytes, $"{name} is {bytes} bytes");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void NeverSpeaksSymbolsAScreenReaderMisreads(string name)
    {
        var speak = (string)Card(name)["speak"]!;

        Assert.DoesNotContain("%", speak, StringComparison.Ordinal);
        Assert.DoesNotContain("**", speak, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void UsesOnlySubmitButtonsWithPprrData(string name)
    {
        var card = Card(name);

        var actions = CardJson.Walk(card).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true).ToList();

        Assert.All(actions, a => Assert.Contains((string)a["type"]!, new[] { "Action.Submit", "Action.OpenUrl" }));
        Assert.All(actions.Where(a => (string?)a["type"] == "Action.Submit"), a => Assert.NotNull(a["data"]?["pprr"]));
    }
}
