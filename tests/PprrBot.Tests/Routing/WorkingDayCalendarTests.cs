using Microsoft.Extensions.Options;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = new(Options.Create(new RoutingOptions()));

    public static TheoryData<int, int, int> EasterDates => new()
    {
        { 2000, 4, 23 }, { 2001, 4, 15 }, { 2002, 3, 31 }, { 2003, 4, 20 }, { 2004, 4, 11 }, { 2005, 3, 27 },
        { 2006, 4, 16 }, { 2007, 4, 8 }, { 2008, 3, 23 }, { 2009, 4, 12 }, { 2010, 4, 4 }, { 2011, 4, 24 },
        { 2012, 4, 8 }, { 2013, 3, 31 }, { 2014, 4, 20 }, { 2015, 4, 5 }, { 2016, 3, 27 }, { 2017, 4, 16 },
        { 2018, 4, 1 }, { 2019, 4, 21 }, { 2020, 4, 12 }, { 2021, 4, 4 }, { 2022, 4, 17 }, { 2023, 4, 9 },
        { 2024, 3, 31 }, { 2025, 4, 20 }, { 2026, 4, 5 }, { 2027, 3, 28 }, { 2028, 4, 16 }, { 2029, 4, 1 },
        { 2030, 4, 21 },
    };

    [Theory]
    [MemberData(nameof(EasterDates))]
    public void ComputesEasterSundayForKnownYears(int year, int month, int day)
    {
        var easter = WorkingDayCalendar.EasterSunday(year);

        Assert.Equal(new DateOnly(year, month, day), easter);
    }

    // England and Wales, as published on gov.uk/bank-holidays.
    public static TheoryData<int, string[]> GovUkBankHolidays => new()
    {
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
    };

    [Theory]
    [MemberData(nameof(GovUkBankHolidays))]
    public void MatchesTheGovUkListForTheYear(int year, string[] expected)
    {
        var holidays = _calendar.BankHolidays(year).Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, holidays);
    }

    [Fact]
    public void KeepsTheRoyalWeddingAndDiamondJubileeOfTheEarlierYears()
    {
        var y2011 = _calendar.BankHolidays(2011);
        var y2012 = _calendar.BankHolidays(2012);

        Assert.Contains(new DateOnly(2011, 4, 29), y2011);
        Assert.Contains(new DateOnly(2012, 6, 4), y2012);
        Assert.Contains(new DateOnly(2012, 6, 5), y2012);
        Assert.DoesNotContain(new DateOnly(2012, 5, 28), y2012);
    }

    [Fact]
    public void AddsOneOffHolidaysFromConfiguration()
    {
        var options = new RoutingOptions();
        options.OneOffBankHolidays.Add(new DateOnly(2027, 6, 7));
        var calendar = new WorkingDayCalendar(Options.Create(options));

        var working = calendar.IsWorkingDay(new DateOnly(2027, 6, 7));

        Assert.False(working);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2023, 5, 8)));
    }

    [Fact]
    public void SkipsChristmasBoxingDayAndTheWeekendWhenCountingWorkingDays()
    {
        var afterChristmasEve = _calendar.AddWorkingDays(new DateOnly(2020, 12, 24), 1);
        var beforeNewYear = _calendar.AddWorkingDays(new DateOnly(2021, 1, 4), -1);

        Assert.Equal(new DateOnly(2020, 12, 29), afterChristmasEve);
        Assert.Equal(new DateOnly(2020, 12, 31), beforeNewYear);
    }

    [Fact]
    public void CountsClearDaysWithoutEitherEnd()
    {
        var clear = _calendar.ClearWorkingDaysBetween(new DateOnly(2020, 12, 3), new DateOnly(2020, 12, 9));

        Assert.Equal(3, clear);
    }
}
