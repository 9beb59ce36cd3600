using PprrBot.Cards;
using PprrBot.Data.Measures;

namespace PprrBot.Tests.Cards;

public class ListCardTests
{
    [Fact]
    public void GroupsRowsByPriorityWithCountsPerGroup()
    {
        var rows = new[] { "CFE07", "CFE03", "CFE30" }.Select(CardGallery.Current).ToList();

        var message = ListCard.Build(CardGallery.Snapshot, "Red measures", rows);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("3 measures: Red 3", text, StringComparison.Ordinal);
        var headings = CardJson.Elements(message.Card, "TextBlock").Where(t => (string?)t["style"] == "heading").Select(t => (string)t["text"]!).ToList();
        Assert.Equal(["Red measures", "Priority 1: Best start in life (Red 1)", "Priority 2: Good schools, attendance, and education, employment and training (Red 1)", "Priority 4: Safe, protected and in stable homes (Red 1)"], headings);
    }

    [Fact]
    public void ShowsCodeMeasureValueTargetAndRatingInEachRow()
    {
        var message = ListCard.Build(CardGallery.Snapshot, "Priority 2", [CardGallery.Current("CFE08")]);

        var table = Assert.Single(CardJson.Elements(message.Card, "Table"));
        var row = table["rows"]!.AsArray()[1]!;
        var cells = CardJson.VisibleText(new() { ["body"] = row.DeepClone() });
        Assert.Equal("**CFE08** Persistent absence rate – all pupils\n10.4% (2018/19); target 10.0%\nAmber", cells);
        Assert.Equal("warning", (string?)row["cells"]![2]!["style"]);
    }

    [Fact]
    public void GivesEveryTableAListFallbackForMobileClients()
    {
        var message = ListCard.Build(CardGallery.Snapshot, "Priority 2", [CardGallery.Current("CFE08"), CardGallery.Current("CFE11")]);

        var table = Assert.Single(CardJson.Elements(message.Card, "Table"));
        var fallback = CardJson.VisibleText(new() { ["body"] = table["fallback"]!.DeepClone() });
        Assert.Contains("**CFE08** Persistent absence rate – all pupils: 10.4% (2018/19), target 10.0%, Amber", fallback, StringComparison.Ordinal);
        Assert.Contains("**CFE11** Key Stage 4: average Attainment 8 score – all pupils: 51.8 (2019/20), Not rated", fallback, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsEveryRatingAcrossThePortfolio()
    {
        var rows = CardGallery.Snapshot.Measures.Select(m => CardGallery.Current(m.Code)).ToList();
        var expected = RagWording.Counts(rows.Select(r => r.Row.ReportedRag));

        var message = ListCard.Build(CardGallery.Snapshot, "All measures", rows);

        Assert.Contains($"38 measures: {expected}", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
        Assert.Equal(5, CardJson.Elements(message.Card, "Table").Count());
        Assert.Equal($"All measures: 38 measures ({expected})", message.Summary);
    }

    [Fact]
    public void ShowsAtMostFortyRowsAndSaysHowManyThereAreInAll()
    {
        var all = CardGallery.Snapshot.Measures.Select(m => CardGallery.Current(m.Code)).ToList();
        var rows = all.Concat(all).ToList();

        var message = ListCard.Build(CardGallery.Snapshot, "All measures", rows);

        var tableRows = CardJson.Elements(message.Card, "Table").Sum(t => t["rows"]!.AsArray().Count - 1);
        Assert.Equal(ListCard.MaxRows, tableRows);
        Assert.Contains("76 measures:", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
        Assert.Contains("Showing the first 40 of 76.", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
        Assert.Contains("Showing the first 40 of 76.", (string)message.Card!["fallbackText"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNothingMatches()
    {
        var message = ListCard.Build(CardGallery.Snapshot, "Red measures in Priority 3", [], "No measure in Priority 3 is rated Red.");

        Assert.Contains("No measure in Priority 3 is rated Red.", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
        Assert.Empty(CardJson.Elements(message.Card, "Table"));
    }

    [Fact]
    public void UsesTheReportedRatingNotTheRule()
    {
        var message = ListCard.Build(CardGallery.Snapshot, "Priority 4", [CardGallery.Current("CFE29")]);

        Assert.Contains("Amber 1", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
        Assert.Equal(Rag.Amber, CardGallery.Current("CFE29").Row.ReportedRag);
    }
}
