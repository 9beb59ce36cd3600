using PprrBot.Data.Imports;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class OfficerChooserTests
{
    private const string Performance = "Strategy and Performance Manager";
    private const string ChildrenFinance = "CSS Manager (Specialist) Finance – Children's Social Care";
    private const string EducationFinance = "CSS Manager (Specialist) Finance – Education & Schools";

    private static readonly Data.ReadModel.PprrSnapshot Sample = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    private static OfficerChoice ChooseFor(string typed)
    {
        var start = RouteRequestText.TryParse(typed) ?? new RouteStart(typed);
        return OfficerChooser.Choose(Sample, ownerRole: null, $"{start.OfficerHint} {start.QuestionText}");
    }

    [Theory]
    // dev-questions.csv D37-D39
    [InlineData("Please pass a question to the relevant officer: why did second-time CP plans rise in 2019/20?", Performance)]
    [InlineData("Please ask the finance officer before the meeting what is driving the placements overspend.", ChildrenFinance)]
    [InlineData("I'd like to put a question in advance about the high needs block deficit.", EducationFinance)]
    // Our own phrasings
    [InlineData("ask the finance officer why placements are overspent", ChildrenFinance)]
    [InlineData("ask the finance officer why home to school transport is over budget", EducationFinance)]
    [InlineData("send this to the finance officer: what is behind the fostering overspend?", ChildrenFinance)]
    [InlineData("Could you ask the relevant officer about the DSG deficit?", EducationFinance)]
    [InlineData("send this to the performance officer: why is persistent absence for SEND pupils rated Red?", Performance)]
    [InlineData("ask the finance officer how much the early help budget will underspend", ChildrenFinance)]
    [InlineData("Please ask the officer why fewer looked after children have a health assessment", Performance)]
    [InlineData("ask the finance officer what the forecast is for the early years block", EducationFinance)]
    public void ChoosesTheOfficerFromTheTopicWords(string typed, string expectedRole)
    {
        var choice = ChooseFor(typed);

        Assert.Equal(expectedRole, choice.Officer.Role);
    }

    [Fact]
    public void MeasureOwnerWinsOverTheWords()
    {
        var choice = OfficerChooser.Choose(Sample, Performance, "why is the placements overspend so high");

        Assert.Equal(Performance, choice.Officer.Role);
        Assert.Equal(OfficerChoiceBasis.Owner, choice.Basis);
    }

    [Fact]
    public void OffersEveryAnsweringOfficerButNotDemocraticServicesOrTheCabinetMember()
    {
        var choice = ChooseFor("ask the finance officer about placements");

        Assert.Equal([Performance, ChildrenFinance, EducationFinance], choice.Candidates.Select(c => c.Role));
    }

    [Fact]
    public void NamesTheMatchedAreaAsTheTopic()
    {
        var choice = ChooseFor("I'd like to put a question in advance about the high needs block deficit.");

        Assert.Equal("high needs block", choice.Topic);
    }

    [Fact]
    public void QuestionWithNoTopicWordsGoesToThePerformanceOfficer()
    {
        var choice = ChooseFor("ask the officer what happened last year");

        Assert.Equal(Performance, choice.Officer.Role);
        Assert.Equal(OfficerChoiceBasis.Default, choice.Basis);
    }

    [Fact]
    public void FinanceOfficerWithNoTopicStaysWithAFinanceOfficer()
    {
        var choice = ChooseFor("ask the finance officer about the variance");

        Assert.Contains("Finance", choice.Officer.Role, StringComparison.Ordinal);
        Assert.Equal(OfficerChoiceBasis.Default, choice.Basis);
    }

    [Theory]
    [InlineData("ask the finance officer why placements are overspent", "Why placements are overspent", "finance officer")]
    [InlineData("send this to the performance officer: why is CFE21 Amber?", "Why is CFE21 Amber?", "performance officer")]
    [InlineData("Please pass a question to the relevant officer: why did it rise?", "Why did it rise?", "relevant officer")]
    public void ReadsTheQuestionAndWhoFromTypedRequests(string typed, string question, string hint)
    {
        var start = RouteRequestText.TryParse(typed);

        Assert.NotNull(start);
        Assert.Equal(question, start.QuestionText);
        Assert.Equal(hint, start.OfficerHint);
    }

    [Theory]
    [InlineData("what is the budget for placements?")]
    [InlineData("who is the finance officer?")]
    public void IgnoresTextThatIsNotARoutingRequest(string typed)
    {
        var start = RouteRequestText.TryParse(typed);

        Assert.Null(start);
    }
}
