using PprrBot.Cards;

namespace PprrBot.Tests.Cards;

public class TrendCardTests
{
    [Fact]
    public void LeadsWithTheLatestStepSoAFallIsNotHidden()
    {
        var message = TrendCard.Build(CardGallery.Snapshot, CardGallery.Snapshot.Measure("CFE38")!);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("Latest: 58.3% in 2020/21 Q2, worsening from 74.5% in 2019/20 (higher is better). Since 2017/18 (45.0%): improving.", text, StringComparison.Ordinal);
        Assert.Contains("74.5% · target 80.0% · Amber · improving", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsPeriodsWithoutAFigureAndSaysWhy()
    {
        var message = TrendCard.Build(CardGallery.Snapshot, CardGallery.Snapshot.Measure("CFE08")!);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("2017/18\n10.8% (previous year)\n2018/19\n10.4% · target 10.0% · Amber · improving\n2019/20\nno figure", text, StringComparison.Ordinal);
        Assert.Contains("No 2019/20 figure: No full-year figure for 2019/20", text, StringComparison.Ordinal);
    }
}

public class ComparisonCardTests
{
    [Fact]
    public void JudgesBetterOrWorseByPolarity()
    {
        var selection = CardGallery.Current("CFE08");

        var message = ComparisonCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("Stockport (10.4%) is 0.5 points below the England figure of 10.9%: better", text, StringComparison.Ordinal);
        Assert.Contains("Stockport (10.4%) is 0.9 points below the North West average of 11.3%: better", text, StringComparison.Ordinal);
        Assert.Contains("Stockport (10.4%) is 0.2 points above the statistical neighbours' average of 10.2%: worse", text, StringComparison.Ordinal);
        Assert.Contains("Comparators for 2018/19 academic year", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysAboveOrBelowButNotBetterForContextMeasures()
    {
        var selection = CardGallery.Current("CFE20");

        var message = ComparisonCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("Stockport (35.0 per 10,000) is 12.5 points below the North West average of 47.5 per 10,000", text, StringComparison.Ordinal);
        Assert.DoesNotContain(": better", text, StringComparison.Ordinal);
        Assert.DoesNotContain(": worse", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNoComparatorIsHeld()
    {
        var selection = CardGallery.Current("CFE17");

        var message = ComparisonCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row);

        Assert.Contains("No England, North West or statistical-neighbour figure is held for CFE17", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
    }
}

public class DefinitionCardTests
{
    [Fact]
    public void GivesThePlainWordsDefinitionUnitAndPolarity()
    {
        var message = DefinitionCard.Build(CardGallery.Snapshot, CardGallery.Snapshot.Measure("CFE08")!);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("What CFE08 means", text, StringComparison.Ordinal);
        Assert.Contains(CardGallery.Snapshot.Measure("CFE08")!.Measure.Definition!, text, StringComparison.Ordinal);
        Assert.Contains("Rated against a target: lower is better.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysContextMeasuresAreNotRatedBecauseTheyDescribeDemand()
    {
        var message = DefinitionCard.Build(CardGallery.Snapshot, CardGallery.Snapshot.Measure("CFE17")!);

        Assert.Contains("Not rated: it describes demand or need, so it has no target.", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
    }
}

public class SuggestionCardsTests
{
    [Fact]
    public void OffersEachCandidateAsAButton()
    {
        var s = CardGallery.Snapshot;

        var message = SuggestionCards.DidYouMean(s, "persistent absence for SEN", [s.Measure("CFE34")!, s.Measure("CFE35")!]);

        var data = CardJson.SubmitData(message.Card!).Select(d => d.ToJsonString()).ToList();
        Assert.Contains("""{"pprr":"show","code":"CFE34"}""", data);
        Assert.Contains("""{"pprr":"show","code":"CFE35"}""", data);
        Assert.Contains("CFE35: Persistent absence rate – pupils with SEN support", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public void SaysNothingMatchedAndOffersThePerformanceOfficer()
    {
        var s = CardGallery.Snapshot;

        var message = SuggestionCards.NoMatch(s, "how many youth clubs are open", [s.Measure("CFE05")!]);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("so I won't guess a figure", text, StringComparison.Ordinal);
        Assert.Contains("Send to the performance officer", text, StringComparison.Ordinal);
        Assert.Contains(CardJson.SubmitData(message.Card!), d => d.ToJsonString() == """{"pprr":"route.start","question":"how many youth clubs are open"}""");
    }
}

public class FinanceCardTests
{
    [Fact]
    public void ShowsTheLineAskedAboutWithItsCommentary()
    {
        var line = CardGallery.Finance("2020/21 Q2", "Placements (looked after children)");

        var message = FinanceCard.Build(CardGallery.Snapshot, "2020/21 Q2", [line]);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("£21,900,000", text, StringComparison.Ordinal);
        Assert.Contains("£23,640,000", text, StringComparison.Ordinal);
        Assert.Contains("+£1,740,000 overspend", text, StringComparison.Ordinal);
        Assert.Contains("£0.315m forecast shortfall on the in-house fostering", text, StringComparison.Ordinal);
        Assert.Equal("Placements (looked after children) 2020/21 Q2: +£1.74m overspend", message.Summary);
    }

    [Fact]
    public void TotalIsTheCashLimitRowAndTheGrantIsShownApart()
    {
        var message = FinanceCard.Build(CardGallery.Snapshot, "2020/21 Q2", []);

        var tables = CardJson.Elements(message.Card, "Table").ToList();
        Assert.Equal(2, tables.Count);
        var cashLimit = CardJson.VisibleText(new() { ["body"] = tables[0]["rows"]!.DeepClone() });
        var grant = CardJson.VisibleText(new() { ["body"] = tables[1]["rows"]!.DeepClone() });
        Assert.Contains("Cash limit total\n£61,370,000\n£64,367,000\n+£2,997,000", cashLimit, StringComparison.Ordinal);
        Assert.DoesNotContain("High needs block", cashLimit, StringComparison.Ordinal);
        Assert.Contains("High needs block\n£32,400,000\n£34,150,000\n+£1,750,000", grant, StringComparison.Ordinal);
        Assert.Contains("Early years block\n£17,650,000\n£17,650,000\n£0", grant, StringComparison.Ordinal);
        Assert.Contains("not included in the cash limit total", CardJson.VisibleText(message.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public void CallsTheClosedYearOutTurnNotForecast()
    {
        var message = FinanceCard.Build(CardGallery.Snapshot, "2019/20", []);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("Budget 2019/20: out-turn", text, StringComparison.Ordinal);
        Assert.Contains("Cash limit total\n£58,820,000\n£60,648,000\n+£1,828,000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Forecast", text, StringComparison.Ordinal);
    }
}

public class SavingsCardTests
{
    [Fact]
    public void GivesProgrammeTotalsAndRatingCounts()
    {
        var message = SavingsCard.Build(CardGallery.Snapshot, "2020/21 Q2");

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("6 schemes: Red 1, Amber 3, Green 2", text, StringComparison.Ordinal);
        Assert.Contains("Target\n£1,570,000\nForecast to be achieved\n£985,000\nShortfall\n£585,000", text, StringComparison.Ordinal);
        Assert.Contains("Target £700,000 · forecast £385,000 · shortfall £315,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsOnlyTheSchemesAskedForButTotalsTheWholeProgramme()
    {
        var red = CardGallery.Snapshot.Savings.Where(s => s.Period == "2020/21 Q2" && s.Rag == Data.Measures.Rag.Red).ToList();

        var message = SavingsCard.Build(CardGallery.Snapshot, "2020/21 Q2", red);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("1 of 6 schemes", text, StringComparison.Ordinal);
        Assert.Contains("Home to school transport: independent travel training and route review", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stockport Family management restructure", text, StringComparison.Ordinal);
        Assert.Contains("£585,000", text, StringComparison.Ordinal);
    }
}

public class ContactCardTests
{
    [Fact]
    public void GivesNameTitleEmailPhoneAndWhatTheyAnswer()
    {
        var contact = CardGallery.Snapshot.ContactForRole("CSS Manager (Specialist) Finance - Children's Social Care")!;

        var message = ContactCard.Build(CardGallery.Snapshot, [contact], "the social care budget");

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("Gill Dixon", text, StringComparison.Ordinal);
        Assert.Contains("gill.dixon@stockport.gov.uk", text, StringComparison.Ordinal);
        Assert.Contains("474 3886", text, StringComparison.Ordinal);
        Assert.Contains("children's social care budget, placements", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhenNoContactDetailsAreHeld()
    {
        var cabinetMember = CardGallery.Snapshot.Contacts.Single(c => c.Role.StartsWith("Cabinet Member", StringComparison.Ordinal));

        var message = ContactCard.Build(CardGallery.Snapshot, [cabinetMember]);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("No contact details are held, and questions are not routed to this role.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CardJson.SubmitData(message.Card!), d => (string?)d["pprr"] == "route.start");
    }
}

public class HelpCardTests
{
    [Fact]
    public void OffersExampleQuestionsThatAskThemselves()
    {
        var message = HelpCard.Build(CardGallery.Snapshot.PortfolioName);

        var data = CardJson.SubmitData(message.Card!).Select(d => d.ToJsonString()).ToList();
        Assert.Contains("""{"pprr":"ask","text":"Which measures are red?"}""", data);
        Assert.Equal(HelpCard.Examples.Count, data.Count);
    }

    [Fact]
    public void OutOfScopeSaysItDoesNotKnowAndShowsNoFigure()
    {
        var message = HelpCard.OutOfScope(CardGallery.Snapshot.PortfolioName);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("I have nothing on that, and I won't guess.", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+(\.\d+)?%|£\d", text);
    }
}

public class MeetingCardTests
{
    [Fact]
    public void SaysTheDayTimeItemAndDeadlineInWordsAndAloud()
    {
        var meeting = CardGallery.Snapshot.Meetings.Single(m => m.Date == new DateOnly(2020, 9, 9));

        var message = MeetingCard.Build(CardGallery.Snapshot, meeting, new MeetingDeadline(new DateOnly(2020, 9, 3), new DateOnly(2020, 8, 20)));

        var card = message.Card!;
        var text = CardJson.VisibleText(card);
        Assert.Contains("Wednesday 9 September 2020, 6pm", text, StringComparison.Ordinal);
        Assert.Contains("Portfolio Performance and Resource Agreement 2020/21", text, StringComparison.Ordinal);
        Assert.Contains("Send detailed questions before Thursday 3 September 2020, the day officers answer them by", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday 6 October 2020", text, StringComparison.Ordinal);
        Assert.Contains("Wednesday 9 September 2020, 6pm", (string)card["speak"]!, StringComparison.Ordinal);
        Assert.Contains("before Thursday 3 September 2020", message.FallbackText, StringComparison.Ordinal);
        Assert.All(CardJson.Elements(card, "TextBlock"), b => Assert.True((bool)b["wrap"]!));
    }

    [Fact]
    public void OffersToSendAQuestionAndTheChairsBriefForThatMeeting()
    {
        var meeting = CardGallery.Snapshot.Meetings.Single(m => m.Date == new DateOnly(2020, 12, 9));

        var message = MeetingCard.Build(CardGallery.Snapshot, meeting, new MeetingDeadline(new DateOnly(2020, 12, 3), new DateOnly(2020, 11, 20)));

        var data = CardJson.SubmitData(message.Card!);
        Assert.Contains(data, d => (string?)d["pprr"] == "route.start");
        Assert.Contains(data, d => (string?)d["pprr"] == "ask" && (string?)d["text"] == "Brief me for the 9 December 2020 meeting");
    }

    [Fact]
    public void SaysAPastMeetingHasPassedAndNamesTheNextFromToday()
    {
        var june = CardGallery.Snapshot.Meetings.Single(m => m.Date == new DateOnly(2020, 6, 10));

        var message = MeetingCard.Build(CardGallery.Snapshot, june, new MeetingDeadline(new DateOnly(2020, 6, 4), new DateOnly(2020, 11, 20)));

        Assert.Contains("This meeting has passed. The next meeting is on Wednesday 9 December 2020, 6pm.", message.FallbackText, StringComparison.Ordinal);
        Assert.Contains("Detailed questions had to be answered by Thursday 4 June 2020", message.FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenTheDataHoldsNoMeeting()
    {
        var message = MeetingCard.Build(CardGallery.Snapshot, meeting: null, new MeetingDeadline(new DateOnly(2020, 11, 20), new DateOnly(2020, 11, 20)));

        Assert.Contains("No committee meeting is held in the data", message.FallbackText, StringComparison.Ordinal);
    }
}
