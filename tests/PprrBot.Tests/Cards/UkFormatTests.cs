using PprrBot.Cards;
using PprrBot.Data.Measures;

namespace PprrBot.Tests.Cards;

public class UkFormatTests
{
    [Theory]
    [InlineData("10.4", MeasureUnit.Percent, "10.4%")]
    [InlineData("95.0", MeasureUnit.Percent, "95.0%")]
    [InlineData("92", MeasureUnit.Percent, "92%")]
    [InlineData("58.3", MeasureUnit.RatePer10000, "58.3 per 10,000")]
    [InlineData("376", MeasureUnit.Count, "376")]
    [InlineData("12500", MeasureUnit.Count, "12,500")]
    [InlineData("48.6", MeasureUnit.Score, "48.6")]
    [InlineData("20", MeasureUnit.Days, "20 days")]
    [InlineData("1740000", MeasureUnit.Gbp, "£1,740,000")]
    public void WritesValuesAtTheDataPrecisionWithTheirUnit(string value, MeasureUnit unit, string expected)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var written = UkFormat.Value(number, unit);

        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData(18, 0, "6pm")]
    [InlineData(18, 30, "6.30pm")]
    [InlineData(10, 0, "10am")]
    [InlineData(12, 0, "12 noon")]
    [InlineData(0, 15, "12.15am")]
    public void WritesMeetingTimesAsCouncilPapersPrintThem(int hour, int minute, string expected)
    {
        var written = UkFormat.ClockTime(new TimeOnly(hour, minute));

        Assert.Equal(expected, written);
    }

    [Fact]
    public void WritesAMeetingsDayAndStart()
    {
        var written = UkFormat.DayAndTime(new DateOnly(2020, 9, 9), new TimeOnly(18, 0));

        Assert.Equal("Wednesday 9 September 2020, 6pm", written);
    }

    [Fact]
    public void SaysPercentagesAsPerCentForScreenReaders()
    {
        var spoken = UkFormat.SpokenValue(10.4m, MeasureUnit.Percent);

        Assert.Equal("10.4 per cent", spoken);
    }

    [Theory]
    [InlineData(1668000, "+£1,668,000 overspend")]
    [InlineData(-228000, "\u2212£228,000 underspend")]
    [InlineData(0, "on budget")]
    public void WritesVariancesWithSignAndMeaning(int variance, string expected)
    {
        var written = UkFormat.Variance(variance);

        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData(1740000, "£1.74m")]
    [InlineData(1828000, "£1.83m")]
    [InlineData(320000, "£320,000")]
    public void ShortensMoneyToMillionsForShortText(int pounds, string expected)
    {
        var written = UkFormat.MoneyShort(pounds);

        Assert.Equal(expected, written);
    }

    [Fact]
    public void WritesDatesTheUkWay()
    {
        var written = UkFormat.Date(new DateOnly(2020, 12, 9));

        Assert.Equal("9 December 2020", written);
    }

    [Fact]
    public void WritesTimesInUkLocalTimeIncludingSummerTime()
    {
        var summerEvening = new DateTimeOffset(2020, 6, 10, 17, 0, 0, TimeSpan.Zero);

        var written = UkFormat.DateAndTime(summerEvening);

        Assert.Equal("10 June 2020 at 18:00", written);
    }

    [Theory]
    [InlineData("1.2", MeasureUnit.Percent, "1.2 points")]
    [InlineData("1", MeasureUnit.Percent, "1 point")]
    [InlineData("-0.4", MeasureUnit.Score, "0.4 points")]
    [InlineData("3", MeasureUnit.Count, "3")]
    public void WritesDifferencesInPoints(string amount, MeasureUnit unit, string expected)
    {
        var number = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var written = UkFormat.Difference(number, unit);

        Assert.Equal(expected, written);
    }
}
