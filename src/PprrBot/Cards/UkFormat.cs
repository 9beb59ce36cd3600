using System.Globalization;
using PprrBot.Data.Measures;

namespace PprrBot.Cards;

/// <summary>
/// The one place that writes figures, money, dates and times for members: UK formats, en-GB culture,
/// UK local time, and the data's own precision (95.0 stays 95.0, 92 stays 92). Written forms go on
/// cards; spoken forms go in <c>speak</c> text, where "10.4 per cent" reads better aloud than "10.4%".
/// </summary>
internal static class UkFormat
{
    /// <summary>
    /// UK conventions written out here rather than read from the operating system's ICU data, which the bot does not
    /// load (invariant globalization, ADR-012): English month and day names (the invariant culture's), day-first
    /// dates, 24-hour times, "£" and "10.4%".
    /// </summary>
    public static readonly CultureInfo Culture = CreateUkCulture();

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static CultureInfo CreateUkCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var dates = culture.DateTimeFormat;
        dates.ShortDatePattern = "dd/MM/yyyy";
        dates.LongDatePattern = "d MMMM yyyy";
        dates.ShortTimePattern = "HH:mm";
        dates.LongTimePattern = "HH:mm:ss";
        dates.FullDateTimePattern = "dddd d MMMM yyyy HH:mm:ss";
        dates.MonthDayPattern = "d MMMM";
        dates.YearMonthPattern = "MMMM yyyy";
        dates.AMDesignator = "am";
        dates.PMDesignator = "pm";
        dates.FirstDayOfWeek = DayOfWeek.Monday;
        dates.CalendarWeekRule = CalendarWeekRule.FirstFourDayWeek;
        var numbers = culture.NumberFormat;
        numbers.CurrencySymbol = "£";
        numbers.CurrencyPositivePattern = 0;
        numbers.CurrencyNegativePattern = 1;
        numbers.PercentPositivePattern = 1;
        numbers.PercentNegativePattern = 1;
        return CultureInfo.ReadOnly(culture);
    }

    // U+2212: a true minus sign, so "−£228,000" is not read as a dash.
    private const string Minus = "\u2212";

    /// <summary>A number at the precision it is held: 95.0 → "95.0", 1234 → "1,234".</summary>
    public static string Number(decimal value) => (value < 0 ? Minus : "") + Unsigned(value);

    /// <summary>A measure value with its unit: "10.4%", "58.3 per 10,000", "376", "48.6", "20 days", "£1,740,000".</summary>
    public static string Value(decimal value, MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent => Number(value) + "%",
        MeasureUnit.RatePer10000 => Number(value) + " per 10,000",
        MeasureUnit.Days => Number(value) + (value == 1m ? " day" : " days"),
        MeasureUnit.Gbp => Money(value),
        _ => Number(value),
    };

    /// <summary>A measure value as a screen reader should say it: "10.4 per cent", "58.3 per 10,000 children".</summary>
    public static string SpokenValue(decimal value, MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent => SpokenNumber(value) + " per cent",
        MeasureUnit.RatePer10000 => SpokenNumber(value) + " per 10,000 children",
        MeasureUnit.Days => SpokenNumber(value) + (value == 1m ? " day" : " days"),
        MeasureUnit.Gbp => SpokenMoney(value),
        _ => SpokenNumber(value),
    };

    /// <summary>Whole pounds with separators, for tables: "£1,740,000", "−£228,000".</summary>
    public static string Money(decimal pounds)
    {
        var abs = Math.Abs(pounds);
        var digits = decimal.Truncate(abs) == abs ? "N0" : "N2";
        return (pounds < 0 ? Minus : "") + "£" + abs.ToString(digits, Culture);
    }

    /// <summary>Money for short text: "£1.74m" from a million up (two decimals), whole pounds below.</summary>
    public static string MoneyShort(decimal pounds)
    {
        var abs = Math.Abs(pounds);
        if (abs < 1_000_000m)
        {
            return Money(pounds);
        }

        var millions = Math.Round(abs / 1_000_000m, 2, MidpointRounding.AwayFromZero);
        return (pounds < 0 ? Minus : "") + "£" + millions.ToString("0.00", Culture) + "m";
    }

    /// <summary>Money as said aloud, exact to the thousand: "1.74 million pounds", "2.997 million pounds", "228,000 pounds".</summary>
    public static string SpokenMoney(decimal pounds)
    {
        var abs = Math.Abs(pounds);
        var sign = pounds < 0 ? "minus " : "";
        if (abs < 1_000_000m)
        {
            return sign + abs.ToString(decimal.Truncate(abs) == abs ? "N0" : "N2", Culture) + " pounds";
        }

        var millions = Math.Round(abs / 1_000_000m, 3, MidpointRounding.AwayFromZero);
        return sign + millions.ToString("0.###", Culture) + " million pounds";
    }

    /// <summary>A signed amount for table columns: "+£1,740,000", "−£18,000", "£0".</summary>
    public static string SignedMoney(decimal pounds) => (pounds > 0 ? "+" : "") + Money(pounds);

    /// <summary>A budget variance with its sign and meaning: "+£1,668,000 overspend", "−£228,000 underspend", "on budget".</summary>
    public static string Variance(decimal variance) => variance switch
    {
        > 0 => "+" + Money(variance) + " overspend",
        < 0 => Money(variance) + " underspend",
        _ => "on budget",
    };

    /// <summary>A variance for short text: "+£1.67m overspend".</summary>
    public static string VarianceShort(decimal variance) => variance switch
    {
        > 0 => "+" + MoneyShort(variance) + " overspend",
        < 0 => MoneyShort(variance) + " underspend",
        _ => "on budget",
    };

    /// <summary>A variance as said aloud: "an overspend of 1.67 million pounds", "on budget".</summary>
    public static string SpokenVariance(decimal variance) => variance switch
    {
        > 0 => "an overspend of " + SpokenMoney(variance),
        < 0 => "an underspend of " + SpokenMoney(-variance),
        _ => "on budget",
    };

    /// <summary>"9 December 2020".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"Monday 7 December 2020": for deadlines, where the day of the week matters.</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>The UK local date of an instant: "9 December 2020".</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(ToUkTime(instant)));

    /// <summary>"18:00" (times in the data are already UK local).</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", Culture);

    /// <summary>A clock time as council papers print it: "6pm", "6.30pm", "10am", "12 noon".</summary>
    public static string ClockTime(TimeOnly time)
    {
        if (time == new TimeOnly(12, 0))
        {
            return "12 noon";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute == 0 ? "" : "." + time.Minute.ToString("00", Culture);
        return hour.ToString(Culture) + minutes + (time.Hour < 12 ? "am" : "pm");
    }

    /// <summary>A meeting's day and start: "Wednesday 9 September 2020, 6pm" (the day alone when no time is held).</summary>
    public static string DayAndTime(DateOnly date, TimeOnly? time) =>
        time is { } start ? $"{LongDate(date)}, {ClockTime(start)}" : LongDate(date);

    /// <summary>The UK local time of an instant: "18:00".</summary>
    public static string Time(DateTimeOffset instant) => ToUkTime(instant).ToString("HH:mm", Culture);

    /// <summary>The UK local date and time of an instant: "9 December 2020 at 18:00".</summary>
    public static string DateAndTime(DateTimeOffset instant) => Date(instant) + " at " + Time(instant);

    /// <summary>
    /// The size of a difference in a measure's unit: "1.2 points" for percentages, scores and rates,
    /// "3" for counts, "3 days", "£5,000".
    /// </summary>
    public static string Difference(decimal amount, MeasureUnit unit)
    {
        var size = Math.Abs(amount);
        return unit switch
        {
            MeasureUnit.Percent or MeasureUnit.Score or MeasureUnit.RatePer10000 => Number(size) + (IsOne(size) ? " point" : " points"),
            MeasureUnit.Days => Number(size) + (IsOne(size) ? " day" : " days"),
            MeasureUnit.Gbp => Money(size),
            _ => Number(size),
        };
    }

    /// <summary>A difference as said aloud: "1.2 points", "3", "5,000 pounds".</summary>
    public static string SpokenDifference(decimal amount, MeasureUnit unit) =>
        unit == MeasureUnit.Gbp ? SpokenMoney(Math.Abs(amount)) : Difference(amount, unit).Replace(Minus, "minus ", StringComparison.Ordinal);

    /// <summary>A tolerance as an adjective phrase: "the 1.5-point tolerance", "the tolerance of 50".</summary>
    public static string Tolerance(decimal tolerance, MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent or MeasureUnit.Score or MeasureUnit.RatePer10000 => "the " + Number(tolerance) + "-point tolerance",
        MeasureUnit.Days => "the " + Number(tolerance) + "-day tolerance",
        MeasureUnit.Gbp => "the tolerance of " + Money(tolerance),
        _ => "the tolerance of " + Number(tolerance),
    };

    /// <summary>
    /// Text from the data made fit to be read aloud: "% of pupils" → "Percentage of pupils", "10%" → "10 per cent".
    /// </summary>
    public static string SpokenText(string text)
    {
        var spoken = text.StartsWith("% ", StringComparison.Ordinal) ? "Percentage " + text[2..] : text;
        spoken = spoken.Replace(" % ", " percentage ", StringComparison.Ordinal);
        return spoken.Replace("%", " per cent", StringComparison.Ordinal);
    }

    private static string SpokenNumber(decimal value) => (value < 0 ? "minus " : "") + Unsigned(value);

    private static string Unsigned(decimal value) =>
        Math.Abs(value).ToString("N" + value.Scale.ToString(CultureInfo.InvariantCulture), Culture);

    private static bool IsOne(decimal size) => size == 1m && size.Scale == 0;

    private static DateTime ToUkTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime).DateTime;
}
