using PprrBot.Cards;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Tests.Cards;

public class MeasureCardTests
{
    private static string Visible(string code)
    {
        var selection = CardGallery.Current(code);
        var message = MeasureCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row);
        return CardJson.VisibleText(message.Card!);
    }

    [Fact]
    public void ShowsPersistentAbsenceFigureTargetRatingAndReason()
    {
        var text = Visible("CFE08");

        Assert.Contains("CFE08: Persistent absence rate – all pupils", text, StringComparison.Ordinal);
        Assert.Contains("10.4%", text, StringComparison.Ordinal);
        Assert.Contains("Target 10.0%", text, StringComparison.Ordinal);
        Assert.Contains("Amber: 0.4 points above the 10.0% target, within the 0.5-point tolerance", text, StringComparison.Ordinal);
        Assert.Contains("Priority 2: Good schools", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysHonestlyThatThereIsNoLaterFigure()
    {
        var text = Visible("CFE08");

        Assert.Contains("No 2019/20 figure", text, StringComparison.Ordinal);
        Assert.Contains("full-year absence statistics were not published", text, StringComparison.Ordinal);
        Assert.Contains("The latest result is 2018/19.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ColoursTheRatingAndWritesTheWord()
    {
        var selection = CardGallery.Current("CFE08");

        var card = MeasureCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row).Card!;

        var ratingBox = Assert.Single(CardJson.Elements(card, "Container"), c => (string?)c["style"] == "warning");
        Assert.Contains("Amber", CardJson.VisibleText(new() { ["body"] = ratingBox.DeepClone() }), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsReportedAmberBesideRuleGreenWithTheOfficersReason()
    {
        var text = Visible("CFE29");

        Assert.Contains("Reported Amber; by the target rule this would be Green: 91% beats the 90% target", text, StringComparison.Ordinal);
        Assert.Contains("Officers' reason: Rated Amber although 91% meets the 90% target", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTrendFromTheYearBeforeTheFirstRow()
    {
        var text = Visible("CFE08");

        Assert.Contains("2017/18", text, StringComparison.Ordinal);
        Assert.Contains("10.8%", text, StringComparison.Ordinal);
        Assert.Contains("Improving: down 0.4 points on 2017/18 (lower is better).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysUpOrDownButNeverBetterForContextMeasures()
    {
        var text = Visible("CFE17");

        Assert.Contains("Up 5 on 2019/20.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("improving", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Not rated: a context measure", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsComparatorsWithTheirPeriod()
    {
        var text = Visible("CFE08");

        Assert.Contains("Compared with others\nFigures for 2018/19 academic year", text, StringComparison.Ordinal);
        Assert.Contains("10.9%", text, StringComparison.Ordinal);
        Assert.Contains("11.3%", text, StringComparison.Ordinal);
        Assert.Contains("10.2%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CitesReportMeetingImportProvenanceAndOwner()
    {
        var text = Visible("CFE08");

        Assert.Contains("Annual PPRR 2019/20, considered by the Children & Families Scrutiny Committee on 10 June 2020", text, StringComparison.Ordinal);
        Assert.Matches(@"The embedded sample data set, loaded \d{1,2} [A-Z][a-z]+ \d{4}", text);
        Assert.Contains("England figure not yet verified", text, StringComparison.Ordinal);
        Assert.Contains("Strategy and Performance Manager", text, StringComparison.Ordinal);
        Assert.Contains("Sample data, not official figures", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OffersAskTrendAndRelatedButtonsForTheMeasure()
    {
        var selection = CardGallery.Current("CFE08");

        var card = MeasureCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row).Card!;

        var data = CardJson.SubmitData(card).Select(d => d.ToJsonString()).ToList();
        Assert.Contains("""{"pprr":"route.start","code":"CFE08","period":"2018/19"}""", data);
        Assert.Contains("""{"pprr":"trend","code":"CFE08"}""", data);
        Assert.Contains("""{"pprr":"related","code":"CFE08"}""", data);
    }

    [Fact]
    public void SpeaksTheFigureAndRatingInPlainWords()
    {
        var selection = CardGallery.Current("CFE08");

        var message = MeasureCard.Build(CardGallery.Snapshot, selection.Measure, selection.Row);

        var speak = (string)message.Card!["speak"]!;
        Assert.Contains("2018/19: 10.4 per cent, against a target of 10.0 per cent.", speak, StringComparison.Ordinal);
        Assert.Contains("There is no 2019/20 figure.", speak, StringComparison.Ordinal);
        Assert.Equal("CFE08 Persistent absence rate – all pupils: 10.4% (2018/19), Amber", message.Summary);
    }

    [Fact]
    public void PutsSeveralMeasuresInOneCardEachWithItsOwnButtons()
    {
        var message = MeasureCard.Build(CardGallery.Snapshot, [CardGallery.Current("CFE06"), CardGallery.Current("CFE07")]);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("CFE06: % of pupils attending a good or outstanding primary school", text, StringComparison.Ordinal);
        Assert.Contains("CFE07: % of pupils attending a good or outstanding secondary school", text, StringComparison.Ordinal);
        Assert.Equal(2, CardJson.SubmitData(message.Card!).Count(d => (string?)d["pprr"] == "route.start"));
    }

    [Fact]
    public void SaysThereIsNoFigureWhenTheChosenPeriodHasNone()
    {
        var measure = CardGallery.Snapshot.Measure("CFE10")!;

        var message = MeasureCard.Build(CardGallery.Snapshot, measure, measure.ForPeriod("2019/20")!);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("no figure", text, StringComparison.Ordinal);
        Assert.Contains("The latest result is 2018/19: 68% (Green).", text, StringComparison.Ordinal);
        Assert.Contains("tests and teacher assessments were cancelled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StaysUnderTwentyEightKilobytesWithTheMostSectionsAllowed()
    {
        var longest = CardGallery.Snapshot.Measures
            .OrderByDescending(m => (m.Current?.Commentary?.Length ?? 0) + m.Results.Count * 40)
            .Take(MeasureCard.MaxSections)
            .Select(m => CardGallery.Current(m.Code))
            .ToList();

        var message = MeasureCard.Build(CardGallery.Snapshot, longest);

        var bytes = System.Text.Encoding.UTF8.GetByteCount(message.Card!.ToJsonString());
        Assert.True(bytes < 28 * 1024, $"{bytes} bytes");
    }

    [Fact]
    public void NamesTheMeasureOnEachButtonWhenSeveralShareACard()
    {
        var message = MeasureCard.Build(CardGallery.Snapshot, [CardGallery.Current("CFE06"), CardGallery.Current("CFE07")]);

        var titles = CardJson.Walk(message.Card).Where(o => (string?)o["type"] == "Action.Submit").Select(o => (string)o["title"]!).ToList();

        Assert.Contains("Trend: CFE06", titles);
        Assert.Contains("Trend: CFE07", titles);
    }

    [Fact]
    public void CitesTheCouncilsImportAndDropsTheSampleMarkerForRealData()
    {
        var measure = new Measure
        {
            Id = 1,
            Code = "CFE08",
            Name = "Persistent absence rate – all pupils",
            Unit = MeasureUnit.Percent,
            Polarity = Polarity.LowerIsBetter,
            PriorityId = 2,
            OwnerRole = "Strategy and Performance Manager",
        };
        measure.Results.Add(new MeasureResult { Period = "2018/19", PeriodEnd = new DateOnly(2019, 8, 31), Value = 10.4m, Target = 10.0m, AmberTolerance = 0.5m, ReportedRag = Rag.Amber, Report = "Annual PPRR 2019/20", ImportId = 7 });
        var import = new ImportRecord { Id = 7, FileName = "pprr-annual-2019-20.xlsx", Sha256 = "", ImportedBy = "officer", ImportedAt = new DateTimeOffset(2020, 6, 1, 9, 0, 0, TimeSpan.Zero) };
        var snapshot = new PprrSnapshot([new Priority { Id = 2, Number = 2, Title = "Good schools", Portfolio = "Children" }], [measure], [], [], [], [], [import], DateTimeOffset.UnixEpoch);
        var view = snapshot.Measure("CFE08")!;

        var message = MeasureCard.Build(snapshot, view, view.Current!);

        var text = CardJson.VisibleText(message.Card!);
        Assert.Contains("pprr-annual-2019-20.xlsx, imported 1 June 2020", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CardDocument.SampleMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain(CardDocument.SampleMarker, (string)message.Card!["speak"]!, StringComparison.Ordinal);
    }
}
