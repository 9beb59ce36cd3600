using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Tests.Conversation;

public class QuestionInterpreterTests
{
    private static readonly PprrSnapshot Snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);
    private readonly QuestionInterpreter _interpreter = new();

    [Theory]
    [InlineData("CFE21")]
    [InlineData("cfe 21")]
    [InlineData("what about CFE-21?")]
    public void ReadsAMeasureCodeHoweverItIsTyped(string text)
    {
        var question = _interpreter.Interpret(text, Snapshot);

        Assert.Equal("CFE21", Assert.Single(question.Measures).Code);
    }

    [Theory]
    [InlineData("what\u2019s the persistent\u00A0absence rate for pupils with an EHC\u00A0plan?")]
    [InlineData("persistent absence \u2013 pupils with an EHC plan")]
    [InlineData("\u201Cpersistent absence\u201D for EHC plan pupils")]
    public void ReadsWhatPhonesAndWordProcessorsTypeSmartQuotesDashesAndNoBreakSpaces(string text)
    {
        var question = _interpreter.Interpret(text, Snapshot);

        Assert.Equal("CFE34", Assert.Single(question.Measures).Code);
    }

    [Fact]
    public void ReadsTheFieldsAbbreviationsAsTheMeasuresNames()
    {
        var question = _interpreter.Interpret("PA for pupils with an EHCP", Snapshot);

        Assert.Equal("CFE34", Assert.Single(question.Measures).Code);
    }

    [Fact]
    public void CorrectsTyposAgainstTheCataloguesWords()
    {
        var question = _interpreter.Interpret("persistant absense", Snapshot);

        Assert.Equal("CFE08", Assert.Single(question.Measures).Code);
    }

    [Fact]
    public void TakesTheWholePopulationMeasureWhenNoCohortIsNamed()
    {
        var question = _interpreter.Interpret("key stage 2 results", Snapshot);

        Assert.Equal("CFE10", Assert.Single(question.Measures).Code);
    }

    [Fact]
    public void GivesEveryPartOfSenWhenAMemberSaysSen()
    {
        var question = _interpreter.Interpret("permanent exclusions for SEN", Snapshot);

        Assert.Equal(["CFE36", "CFE37"], question.Measures.Select(m => m.Code));
    }

    [Fact]
    public void ShowsTheRateBesideTheCountWhenAMemberAsksHowMany()
    {
        var question = _interpreter.Interpret("how many children are in care", Snapshot);

        Assert.Equal(["CFE17", "CFE18"], question.Measures.Select(m => m.Code).Order());
    }

    [Fact]
    public void ComparesTheMeasureThatHasBenchmarksWhenTheCountHasNone()
    {
        var question = _interpreter.Interpret("LAC numbers vs north west", Snapshot);

        Assert.Equal(Intent.Comparison, question.Intent);
        Assert.Equal("CFE18", Assert.Single(question.Measures).Code);
    }

    [Fact]
    public void AsksWhichMeasureWhenSeveralFitEquallyRatherThanGuessing()
    {
        var question = _interpreter.Interpret("good or outstanding", Snapshot);

        Assert.True(question.NeedsClarification);
        Assert.Empty(question.Measures);
        Assert.Contains(question.Alternatives, m => m.Code == "CFE06");
    }

    [Theory]
    [InlineData("how many children in need are there")]
    [InlineData("fixed term exclusions")]
    [InlineData("what's the youth justice reoffending rate")]
    public void SaysNothingFitsWhenTheQuestionIsAboutSomethingTheDataDoesNotHold(string text)
    {
        var question = _interpreter.Interpret(text, Snapshot);

        Assert.Equal(Intent.OutOfScope, question.Intent);
        Assert.Empty(question.Measures);
    }

    [Fact]
    public void ReadsANamedReportAndAPeriod()
    {
        var annual = _interpreter.Interpret("persistent absence in the annual report", Snapshot);
        var period = _interpreter.Interpret("persistent absence in 2019/20", Snapshot);
        var lastYear = _interpreter.Interpret("LAC last year", Snapshot);

        Assert.Equal("Annual PPRR 2019/20", annual.Period.Report);
        Assert.Equal("2019/20", period.Period.Period);
        Assert.True(lastYear.Period.PreviousYear);
    }

    [Fact]
    public void ListsRatingsForAPriorityNamedByItsTitle()
    {
        var question = _interpreter.Interpret("anything red in the SEND priority?", Snapshot);

        Assert.Equal(Intent.RagFilter, question.Intent);
        Assert.Equal([5], question.Priorities);
        Assert.Equal([Rag.Red], question.Ratings);
    }

    [Fact]
    public void TreatsSendInCapitalsAsSenAndSendAsAVerbOtherwise()
    {
        var measure = _interpreter.Interpret("KS2 for SEND pupils", Snapshot);
        var route = _interpreter.Interpret("send this to the performance officer: why is CFE07 red?", Snapshot);

        Assert.Equal(["CFE31", "CFE32"], measure.Measures.Select(m => m.Code));
        Assert.Equal(Intent.RouteQuestion, route.Intent);
    }

    [Fact]
    public void RoutesMoneyQuestionsToTheFinanceOfficerForThatArea()
    {
        var social = _interpreter.Interpret("ask the finance officer why placements are overspent", Snapshot);
        var schools = _interpreter.Interpret("can you ask someone why transport is overspending", Snapshot);

        Assert.Equal("CSS Manager (Specialist) Finance – Children's Social Care", social.Contacts[0].Role);
        Assert.Equal("CSS Manager (Specialist) Finance – Education & Schools", schools.Contacts[0].Role);
        Assert.Contains(social.Contacts, c => c.Role == "Democratic Services Manager");
    }

    [Fact]
    public void AnswersMoneyQuestionsFromTheLineNamedAndThePeriodAsked()
    {
        var question = _interpreter.Interpret("home to school transport overspend last year", Snapshot);

        Assert.Equal(Intent.Finance, question.Intent);
        Assert.Equal("2019/20", question.FinancePeriod);
        Assert.Equal("Home to school transport", Assert.Single(question.FinanceLines).Line);
    }
}
