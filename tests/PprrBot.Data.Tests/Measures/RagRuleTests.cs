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
}
