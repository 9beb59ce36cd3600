using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PprrBot.Routing;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays. The regular bank holidays are
/// computed (Easter by the anonymous Gregorian algorithm), with weekend holidays moved to the next free
/// weekday as gov.uk does; one-off royal holidays come from <see cref="RoutingOptions.OneOffBankHolidays"/>.
/// </summary>
internal sealed class WorkingDayCalendar(IOptions<RoutingOptions> options)
{
    private readonly HashSet<DateOnly> _oneOff = [.. options.Value.OneOffBankHolidays];
    private readonly ConcurrentDictionary<int, IReadOnlySet<DateOnly>> _byYear = new();

    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsBankHoliday(date);

    public bool IsBankHoliday(DateOnly date) => BankHolidays(date.Year).Contains(date);

    public IReadOnlySet<DateOnly> BankHolidays(int year) => _byYear.GetOrAdd(year, Compute);

    /// <summary>The working day <paramref name="count"/> working days after (positive) or before (negative) the date; the date itself never counts.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        var step = count >= 0 ? 1 : -1;
        var remaining = Math.Abs(count);
        var day = date;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>Working days strictly between two dates: neither end counts ("clear" days).</summary>
    public int ClearWorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day < to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Easter Sunday (Gregorian), by the anonymous algorithm published by Meeus, Jones and Butcher.</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    // Years in which a regular holiday was moved by proclamation (not a substitute for a weekend).
    private static readonly Dictionary<int, DateOnly> EarlyMayMoved = new()
    {
        [1995] = new(1995, 5, 8), // VE Day 50th anniversary
        [2020] = new(2020, 5, 8), // VE Day 75th anniversary
    };

    private static readonly Dictionary<int, DateOnly> SpringMoved = new()
    {
        [2002] = new(2002, 6, 4), // Golden Jubilee
        [2012] = new(2012, 6, 4), // Diamond Jubilee
        [2022] = new(2022, 6, 2), // Platinum Jubilee
    };

    private IReadOnlySet<DateOnly> Compute(int year)
    {
        var easter = EasterSunday(year);
        var fixedWeekday = new HashSet<DateOnly>
        {
            easter.AddDays(-2),
            easter.AddDays(1),
            EarlyMayMoved.GetValueOrDefault(year, FirstMonday(year, 5)),
            SpringMoved.GetValueOrDefault(year, LastMonday(year, 5)),
            LastMonday(year, 8),
        };
        fixedWeekday.UnionWith(_oneOff.Where(d => d.Year == year));

        // New Year's Day, Christmas Day and Boxing Day move to the next weekday not already a holiday,
        // in date order, so Christmas on a Sunday becomes Tuesday 27 (Boxing Day keeps Monday 26).
        var holidays = new HashSet<DateOnly>(fixedWeekday);
        DateOnly[] dated = [new(year, 1, 1), new(year, 12, 25), new(year, 12, 26)];
        foreach (var day in dated.Where(d => !IsWeekend(d)))
        {
            holidays.Add(day);
        }

        foreach (var day in dated.Where(IsWeekend))
        {
            var observed = day;
            while (IsWeekend(observed) || holidays.Contains(observed))
            {
                observed = observed.AddDays(1);
            }

            holidays.Add(observed);
        }

        return holidays;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
