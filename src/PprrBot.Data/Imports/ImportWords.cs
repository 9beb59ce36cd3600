using PprrBot.Data.Measures;

namespace PprrBot.Data.Imports;

/// <summary>The words a data file may use for a closed set of values, compared ignoring case.</summary>
internal sealed class WordMap<T>(params (string Word, T Value)[] words)
    where T : struct
{
    public string Expected { get; } = "one of " + string.Join(", ", words.Select(w => w.Word));

    public bool TryParse(string text, out T value)
    {
        foreach (var (word, candidate) in words)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string WordFor(T value) => words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Word;
}

/// <summary>The vocabulary of the PPRR data files (docs/data-format.md).</summary>
internal static class ImportWords
{
    public static readonly WordMap<MeasureUnit> Units = new(
        ("percent", MeasureUnit.Percent),
        ("rate_per_10000", MeasureUnit.RatePer10000),
        ("count", MeasureUnit.Count),
        ("score", MeasureUnit.Score),
        ("days", MeasureUnit.Days),
        ("gbp", MeasureUnit.Gbp));

    public static readonly WordMap<Polarity> Polarities = new(
        ("higher_is_better", Polarity.HigherIsBetter),
        ("lower_is_better", Polarity.LowerIsBetter),
        ("context", Polarity.Context));

    public static readonly WordMap<MeasureFrequency> Frequencies = new(
        ("quarterly", MeasureFrequency.Quarterly),
        ("termly", MeasureFrequency.Termly),
        ("annual_financial", MeasureFrequency.AnnualFinancial),
        ("annual_academic", MeasureFrequency.AnnualAcademic));

    public static readonly WordMap<Rag> Rags = new(
        ("Red", Rag.Red),
        ("Amber", Rag.Amber),
        ("Green", Rag.Green));

    public static readonly WordMap<ImportKind> Kinds = new(
        ("measures", ImportKind.Measures),
        ("definitions", ImportKind.Definitions),
        ("finance", ImportKind.Finance),
        ("savings", ImportKind.Savings),
        ("contacts", ImportKind.Contacts),
        ("meetings", ImportKind.Meetings));
}
