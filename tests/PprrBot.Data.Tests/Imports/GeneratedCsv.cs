using System.Globalization;
using System.Text;
using CsvHelper;

namespace PprrBot.Data.Tests.Imports;

/// <summary>CSV written with CsvHelper, and a generated measures file of any size. Also compiled into the benchmarks.</summary>
internal static class GeneratedCsv
{
    public static readonly string[] MeasuresHeader =
    [
        "portfolio", "priority", "priority_title", "code", "measure", "unit", "polarity", "frequency", "period", "period_end",
        "value", "target", "amber_tolerance", "reported_rag", "previous_value", "england", "north_west", "stat_neighbours",
        "comparator_period", "commentary", "owner_role", "report", "meeting_date", "source_ref", "provenance",
    ];

    private static readonly string[] Periods = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"];

    public static byte[] Write(IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The header and then rowCount - 1 rows: 5 periods per measure, every row valid, owner role from the sample contacts.</summary>
    public static IEnumerable<string[]> LargeMeasures(int rowCount)
    {
        yield return MeasuresHeader;
        for (var i = 0; i < rowCount - 1; i++)
        {
            var measure = i / Periods.Length;
            var period = i % Periods.Length;
            var value = 60m + (measure % 20) + (period * 0.5m);
            yield return
            [
                "Generated portfolio", (1 + (measure % 5)).ToString(CultureInfo.InvariantCulture), $"Priority {1 + (measure % 5)}",
                $"GEN{measure:00000}", $"Generated measure {measure}", "percent", "higher_is_better", "annual_financial",
                Periods[period], $"{2017 + period}-03-31", value.ToString(CultureInfo.InvariantCulture), "70.0", "2.0",
                value >= 70m ? "Green" : value >= 68m ? "Amber" : "Red", (value - 0.5m).ToString(CultureInfo.InvariantCulture),
                "71.0", "70.5", "69.8", Periods[period], $"Generated commentary for measure {measure} in {Periods[period]}: a sentence of typical length for officer commentary.",
                "Strategy and Performance Manager", $"Annual PPRR {Periods[period]}", $"{2017 + period}-06-10", "sample [value, target]", "sample",
            ];
        }
    }
}
