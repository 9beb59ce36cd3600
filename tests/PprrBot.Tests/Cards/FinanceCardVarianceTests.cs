using System.Text.Json;
using PprrBot.Cards;

namespace PprrBot.Tests.Cards;

public class FinanceCardVarianceTests
{
    [Fact]
    public void PortfolioBudgetCardExplainsEveryOffBudgetLineByItsCommentaryLargestFirst()
    {
        var snapshot = CardGallery.Snapshot;
        var offBudget = snapshot.Finance.Where(f => f.Period == "2020/21 Q2" && !f.IsPortfolioTotal && f.Variance != 0).OrderByDescending(f => Math.Abs(f.Variance)).ToList();

        var card = FinanceCard.Build(snapshot, "2020/21 Q2", []).Card!;
        var json = card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("Why lines are off budget", json, StringComparison.Ordinal);
        Assert.All(offBudget, line => Assert.Contains(line.Commentary!, json, StringComparison.Ordinal));
        Assert.True(json.IndexOf("**Placements (looked after children)** (Children's Social Care, +£1,740,000 overspend)", StringComparison.Ordinal)
            < json.IndexOf("**Home to school transport** (Education", StringComparison.Ordinal));
        Assert.Contains("**High needs block** (Dedicated Schools Grant, +£1,750,000 overspend)", json, StringComparison.Ordinal);
    }
}
