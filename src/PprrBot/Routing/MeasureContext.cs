using System.Globalization;
using System.Text.Json;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Routing;

/// <summary>
/// The figures a member saw when asking, kept with the question (<c>RoutedQuestion.ContextJson</c>) so the
/// officer is quoted exactly what the member was shown, even after a later import.
/// </summary>
public sealed record MeasureContext(string Code, string Name, string Period, string? Value, string? Target, string? Rag, string Report)
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static MeasureContext? From(MeasureView measure, string? period)
    {
        var result = period is null ? measure.Current ?? measure.Latest : measure.ForPeriod(period);
        if (result is null)
        {
            return null;
        }

        var rag = result.ReportedRag ?? RagRule.Assess(result, measure.Measure.Polarity).Rating;
        return new MeasureContext(
            measure.Code,
            measure.Name,
            result.Period,
            Format(result.Value, measure.Measure.Unit),
            Format(result.Target, measure.Measure.Unit),
            rag?.ToString(),
            result.Report);
    }

    /// <summary>One line for a card or an e-mail: "2019/20: 21.4%, target 20.0%, Amber".</summary>
    public string Summary()
    {
        var parts = new List<string> { $"{Period}: {Value ?? "no figure"}" };
        if (Target is not null)
        {
            parts.Add($"target {Target}");
        }

        if (Rag is not null)
        {
            parts.Add(Rag);
        }

        return string.Join(", ", parts);
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static MeasureContext? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<MeasureContext>(json);

    // Decimals keep the scale they were imported with, so "20.0" prints as the report printed it.
    // TEMPORARY: the lead folds this into Cards/UkFormat once that lands.
    private static string? Format(decimal? value, MeasureUnit unit) => value switch
    {
        null => null,
        { } v => unit switch
        {
            MeasureUnit.Percent => $"{v.ToString(UkCulture)}%",
            MeasureUnit.Gbp => v.ToString("£#,##0", UkCulture),
            MeasureUnit.RatePer10000 => $"{v.ToString(UkCulture)} per 10,000",
            MeasureUnit.Days => $"{v.ToString(UkCulture)} days",
            _ => v.ToString(UkCulture),
        },
    };
}
