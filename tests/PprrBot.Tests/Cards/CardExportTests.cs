using PprrBot.Tests.Routing;

namespace PprrBot.Tests.Cards;

/// <summary>
/// Writes every card type, routing's included, to the folder named by PPRRBOT_CARD_DIR, for the npm parser check and the
/// rendered images (tests/cards/check-cards.sh sets it). Skips in an ordinary test run.
/// </summary>
public class CardExportTests
{
    public const string FolderVariable = "PPRRBOT_CARD_DIR";

    [Fact]
    public async Task WritesEveryCardTypeForTheNodeChecks()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(folder), $"Set {FolderVariable} to write the cards (tests/cards/check-cards.sh does).");
        Directory.CreateDirectory(folder!);

        // The routing cards come from their own flows (RoutingCardsTests); their names become file names.
        var routing = await RoutingCardsTests.EveryCardAsync();
        var cards = CardGallery.All()
            .Concat(routing.Select(c => ("routing-" + string.Concat(c.Name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')), c.Message)))
            .ToList();
        foreach (var (name, message) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder!, name + ".json"), message.Card!.ToJsonString(new() { WriteIndented = true }), TestContext.Current.CancellationToken);
        }

        Assert.Equal(cards.Count, Directory.GetFiles(folder!, "*.json").Length);
    }
}
