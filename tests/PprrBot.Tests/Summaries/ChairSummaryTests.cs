using System.Text.Json;
using PprrBot.Cards;
using PprrBot.Data.Measures;
using PprrBot.Summaries;
using PprrBot.Tests.Cards;

namespace PprrBot.Tests.Summaries;

public class ChairSummaryTests
{
    private const string MidYear = "Mid-Year PPRR 2020/21";

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task MidYearBriefCountsEveryRatingAndListsEveryRedMeasureWithItsReason()
    {
        var bed = new SummaryTestBed();
        var expectedReds = bed.Snapshot.Measures.Where(m => m.HeadlineFor(MidYear)?.ReportedRag == Rag.Red).Select(m => m.Code).ToList();

        var summary = await bed.Builder.BuildAsync(bed.Snapshot, new ChairBriefRequest(MidYear), TestContext.Current.CancellationToken);
        var card = ChairSummaryCard.Build(summary);
        var json = Json(card.Card!);
        var speak = card.Card!["speak"]!.GetValue<string>();

        Assert.Equal(["CFE03", "CFE07", "CFE27", "CFE30"], expectedReds);
        Assert.Equal("Red 4, Amber 5, Green 6, not rated 8, no figure 11, not in the report 4", ChairSummary.CountWords(summary.Counts));
        Assert.Equal(expectedReds, summary.Exceptions.Select(e => e.Measure.Code));
        Assert.All(expectedReds, code => Assert.Contains(code, json, StringComparison.Ordinal));
        Assert.All(expectedReds, code => Assert.Contains(code, speak, StringComparison.Ordinal));
        Assert.Contains("8 points short of the 80% target, beyond the 5-point tolerance", json, StringComparison.Ordinal);
        Assert.Contains("Children & Families Scrutiny Committee, 9 December 2020 at 18:00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentPositionBriefCountsTheLatestRowWithAFigure()
    {
        var bed = new SummaryTestBed();

        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(), null, null, SummaryTestBed.Meeting);

        Assert.Equal("Red 5, Amber 9, Green 15, not rated 9", ChairSummary.CountWords(summary.Counts));
        Assert.Equal(["CFE03", "CFE04", "CFE07", "CFE27", "CFE30"], summary.Exceptions.Select(e => e.Measure.Code));
    }

    [Fact]
    public void BudgetIsTheDataTotalRowWithTheGrantApartAndSavingsShortfallIsTheProgrammeTotal()
    {
        var bed = new SummaryTestBed();

        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(MidYear), null, null, SummaryTestBed.Meeting);
        var json = ChairSummaryCard.Build(summary).Card!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var budget = summary.Budget!;
        Assert.Equal("2020/21 Q2", budget.Period);
        Assert.Equal(61_370_000m, budget.Total!.Budget);
        Assert.Equal(64_367_000m, budget.Total.ForecastOutturn);
        Assert.Equal(2_997_000m, budget.Total.Variance);
        Assert.Equal(1_750_000m, budget.Grant.Sum(l => l.Variance));
        Assert.DoesNotContain(budget.LargestVariances, l => l.IsDedicatedSchoolsGrant || l.IsPortfolioTotal);
        Assert.Equal("Placements (looked after children)", budget.LargestVariances[0].Line);
        Assert.Contains("£61,370,000", json, StringComparison.Ordinal);
        Assert.Contains("£64,367,000", json, StringComparison.Ordinal);
        Assert.Contains("+£2,997,000 overspend", json, StringComparison.Ordinal);
        Assert.Contains("Dedicated Schools Grant (ring-fenced, outside the cash limit): High needs block +£1,750,000 overspend", json, StringComparison.Ordinal);
        Assert.Equal(585_000m, summary.Savings!.Shortfall);
        Assert.Equal(4, summary.Savings.AtRisk.Count);
        Assert.Contains("shortfall £585,000", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BriefCountsTheMeetingsOpenOverdueAndAnsweredQuestions()
    {
        var bed = new SummaryTestBed();
        await bed.AddQuestionAsync("Why is take-up of funded early education down?", "CFE03", new DateOnly(2020, 12, 4));
        await bed.AddQuestionAsync("What is the plan for care leavers?", "CFE30", new DateOnly(2020, 12, 1));
        await bed.AddQuestionAsync("Why are apprenticeships down?", "CFE27", new DateOnly(2020, 12, 2), answer: "Covid-19 paused starts.");

        var summary = await bed.Builder.BuildAsync(bed.Snapshot, new ChairBriefRequest(MidYear), TestContext.Current.CancellationToken);
        var card = ChairSummaryCard.Build(summary);

        Assert.Single(summary.Questions!.Open);
        Assert.Single(summary.Questions.Overdue);
        Assert.Single(summary.Questions.Answered);
        Assert.Contains("1 open, 1 overdue, 1 answered.", card.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("1 open, 1 overdue, 1 answered.", card.Card!["speak"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void BriefIncludingAmberStaysUnder28KilobytesAndReadsRedsFirst()
    {
        var bed = new SummaryTestBed();

        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(IncludeAmber: true), null, null, SummaryTestBed.Meeting);
        var card = ChairSummaryCard.Build(summary);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(card.Card!.ToJsonString());

        Assert.Equal(14, summary.Exceptions.Count);
        Assert.Equal(Rag.Red, summary.Exceptions[0].Row.ReportedRag);
        Assert.Equal(Rag.Amber, summary.Exceptions[^1].Row.ReportedRag);
        Assert.True(bytes < 28 * 1024, $"card is {bytes} bytes");
    }

    [Fact]
    public void BriefOnALargeCatalogueShowsTheFirstExceptionsSaysHowManyAndStaysUnder28Kilobytes()
    {
        var bed = new SummaryTestBed();
        var sample = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(IncludeAmber: true), null, null, SummaryTestBed.Meeting);
        var large = sample with { Exceptions = [.. Enumerable.Repeat(sample.Exceptions, 150).SelectMany(e => e)] };

        var card = ChairSummaryCard.Build(large);

        var cut = $"Showing the first {ChairSummary.MaxShownExceptions} of 2100.";
        Assert.Contains(cut, CardJson.VisibleText(card.Card!), StringComparison.Ordinal);
        Assert.Contains(cut, (string)card.Card!["speak"]!, StringComparison.Ordinal);
        Assert.Contains(cut, card.FallbackText, StringComparison.Ordinal);
        Assert.True(card.CardJson!.Value.Length < 28 * 1024, $"card is {card.CardJson!.Value.Length} bytes");
    }

    [Fact]
    public void BriefForOnePriorityCountsOnlyThatPriority()
    {
        var bed = new SummaryTestBed();

        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(Priorities: [1]), null, null, SummaryTestBed.Meeting);

        Assert.Equal("Red 2, Amber 1, Green 2", ChairSummary.CountWords(summary.Counts));
        Assert.Equal(["CFE03", "CFE04"], summary.Exceptions.Select(e => e.Measure.Code));
        Assert.StartsWith("Briefing on the current position for Priority 1.", ChairBriefing.Template(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void TypedBriefQuestionsReachTheChairSummary()
    {
        var bed = new SummaryTestBed();
        var answerer = new PprrBot.Conversation.QuestionAnswerer(new PprrBot.Conversation.QuestionInterpreter());

        var answer = answerer.Respond("brief me including amber", bed.Snapshot);

        Assert.Equal("chair_brief", answer.Intent);
        Assert.Contains("Chair's briefing", Json(answer.Messages[0].Card!), StringComparison.Ordinal);
        Assert.Contains("Red and Amber measures", Json(answer.Messages[0].Card!), StringComparison.Ordinal);
        Assert.Contains(CardDocument.SampleMarker, answer.Text, StringComparison.Ordinal);
    }

    private static string Json(System.Text.Json.Nodes.JsonObject card) => card.ToJsonString(RelaxedJson);
}
