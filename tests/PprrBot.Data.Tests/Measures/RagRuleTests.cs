using PprrBot.Data.Imports;
using PprrBot.Data.Measures;

namespace PprrBot.Data.Tests.Measures;

public class RagRuleTests
{
    [Theory]
    [InlineData("72.5", "72.5", "1.5", Rag.Green)]
    [InlineData("73.0", "72.5", "1.5", Rag.Green)]
    [InlineData("71.1", "72.5", "1.5", Rag.Amber)]
    [InlineData("71.0", "72.5", "1.5", Rag.Amber)]
    [InlineData("70.9", "72.5", "1.5", Rag.Red)]
    public void HigherIsBetterIsGreenAtTargetAmberWithinToleranceRedBeyond(string value, string target, string tolerance, Rag expected)
    {
        var assessment = RagRule.Assess(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture), Polarity.HigherIsBetter);

        Assert.Equal(expected, assessment.Rating);
    }

    [Theory]
    [InlineData("10.0", "10.0", "1.0", Rag.Green)]
    [InlineData("10.4", "10.0", "1.0", Rag.Amber)]
    [InlineData("11.0", "10.0", "1.0", Rag.Amber)]
    [InlineData("11.1", "10.0", "1.0", Rag.Red)]
    [InlineData("9.9", "10.0", "1.0", Rag.Green)]
    public void LowerIsBetterIsGreenAtOrBelowTargetAmberWithinToleranceRedBeyond(string value, string target, string tolerance, Rag expected)
    {
        var assessment = RagRule.Assess(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture), Polarity.LowerIsBetter);

        Assert.Equal(expected, assessment.Rating);
    }

    [Fact]
    public void ShortfallIsExactDecimalArithmetic()
    {
        var assessment = RagRule.Assess(10.4m, 10.0m, 1.0m, Polarity.LowerIsBetter);

        Assert.Equal(0.4m, assessment.Shortfall);
    }

    [Fact]
    public void EmptyToleranceCountsAsZeroSoAnyMissIsRed()
    {
        var assessment = RagRule.Assess(99m, 100m, null, Polarity.HigherIsBetter);

        Assert.Equal(Rag.Red, assessment.Rating);
    }

    [Theory]
    [InlineData(Polarity.Context, 5.0, 4.0)]
    [InlineData(Polarity.HigherIsBetter, null, 4.0)]
    [InlineData(Polarity.LowerIsBetter, 5.0, null)]
    public void ContextMeasuresAndMissingFiguresAreNotRated(Polarity polarity, double? value, double? target)
    {
        var assessment = RagRule.Assess((decimal?)value, (decimal?)target, 1m, polarity);

        Assert.Null(assessment.Rating);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "80.0", "80.0", Rag.Green)]
    [InlineData(Polarity.HigherIsBetter, "79.99", "80.0", Rag.Red)]
    [InlineData(Polarity.LowerIsBetter, "20.0", "20.0", Rag.Green)]
    [InlineData(Polarity.LowerIsBetter, "20.01", "20.0", Rag.Red)]
    public void WithZeroToleranceTheTargetItselfIsGreenAndAnyMissIsRed(Polarity polarity, string value, string target, Rag expected)
    {
        var assessment = RagRule.Assess(Parse(value), Parse(target), 0m, polarity);

        Assert.Equal(expected, assessment.Rating);
    }

    [Theory]
    [InlineData("-5", "-3", "1", Polarity.LowerIsBetter, Rag.Green)]
    [InlineData("-2", "-3", "1", Polarity.LowerIsBetter, Rag.Amber)]
    [InlineData("-1.9", "-3", "1", Polarity.LowerIsBetter, Rag.Red)]
    [InlineData("0", "0", "0", Polarity.HigherIsBetter, Rag.Green)]
    public void NegativeAndZeroFiguresFollowTheSameRule(string value, string target, string tolerance, Polarity polarity, Rag expected)
    {
        var assessment = RagRule.Assess(Parse(value), Parse(target), Parse(tolerance), polarity);

        Assert.Equal(expected, assessment.Rating);
    }

    [Theory]
    [InlineData("10", "80")]
    [InlineData("80", "80")]
    [InlineData("95", "80")]
    public void ContextMeasuresAreNeverRatedWhateverTheFigures(string value, string target)
    {
        var assessment = RagRule.Assess(Parse(value), Parse(target), 5m, Polarity.Context);

        Assert.Equal(RagAssessment.NotRated, assessment);
    }

    [Fact]
    public void ShortfallIsNegativeWhenTheTargetIsBeaten()
    {
        var higher = RagRule.Assess(75m, 72.5m, 1.5m, Polarity.HigherIsBetter);
        var lower = RagRule.Assess(8.5m, 10m, 1m, Polarity.LowerIsBetter);

        Assert.Equal(-2.5m, higher.Shortfall);
        Assert.Equal(-1.5m, lower.Shortfall);
    }

    [Fact]
    public void RuleAgreesWithEveryReportedRatingInTheSampleExceptTheThreeOfficerJudgements()
    {
        var snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

        var differences = snapshot.Measures
            .SelectMany(m => m.Results.Select(r => (m.Code, r.Period, Reported: r.ReportedRag, Rule: RagRule.Assess(r, m.Measure.Polarity).Rating)))
            .Where(x => x.Reported != x.Rule)
            .Select(x => $"{x.Code} {x.Period}: reported {x.Reported}, rule {x.Rule}")
            .ToList();

        Assert.Equal(
            [
                "CFE29 2020/21 Q2: reported Amber, rule Green",
                "CFE31 2018/19: reported Green, rule Amber",
                "CFE38 2020/21 Q2: reported Amber, rule Red",
            ],
            differences);
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
