using PprrBot.Cards;
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

    private static string? Format(decimal? value, MeasureUnit unit) => value is { } v ? UkFormat.Value(v, unit) : null;
}
