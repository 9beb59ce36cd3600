using System.Globalization;
using System.Text.RegularExpressions;

namespace PprrBot.Summaries;

/// <summary>
/// Checks that every figure in a text appears in the data. Figures are read as UkFormat writes and says them
/// ("£1,740,000", "£1.74m", "1.74 million pounds", "10.4%", "10.4 per cent", "376"); money and percentages must
/// match a figure of the same kind exactly as the source writes it, and plain numbers must appear in the source.
/// </summary>
internal static partial class BriefingFigures
{
    /// <summary>The figures in <paramref name="text"/> that <paramref name="source"/> does not hold; empty when faithful.</summary>
    public static IReadOnlyList<string> Unsupported(string text, string source)
    {
        var allowed = Read(source).ToList();
        var canonical = allowed.Select(f => f.Canonical).ToHashSet(StringComparer.Ordinal);
        var plain = allowed.Select(f => f.Number).ToHashSet();
        return Read(text)
            .Where(f => f.Kind == FigureKind.Plain ? !plain.Contains(f.Number) : !canonical.Contains(f.Canonical))
            .Select(f => f.Written)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private enum FigureKind
    {
        Plain,
        Percent,
        Money,
    }

    private sealed record Figure(string Written, FigureKind Kind, decimal Number, string Canonical);

    private static IEnumerable<Figure> Read(string text)
    {
        foreach (Match m in FigurePattern().Matches(text))
        {
            var digits = m.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal) + (m.Groups["dec"].Success ? "." + m.Groups["dec"].Value : "");
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            // 1.740 and 1.74 are the same figure.
            number /= 1.0000000000000000000000000000m;
            var suffix = m.Groups["suffix"].Value.Trim().ToLowerInvariant();
            var millions = suffix is "m" or "million";
            var money = m.Groups["pound"].Success || m.Groups["pounds"].Success;
            var percent = suffix is "%" || suffix.StartsWith("per", StringComparison.Ordinal);
            var n = number.ToString(CultureInfo.InvariantCulture);
            var (kind, canonical) = money ? (FigureKind.Money, "£" + n + (millions ? "m" : ""))
                : percent ? (FigureKind.Percent, n + "%")
                : millions ? (FigureKind.Money, "£" + n + "m")
                : (FigureKind.Plain, n);
            yield return new Figure(m.Value.Trim(), kind, number, canonical);
        }
    }

    [GeneratedRegex(
        @"(?<pound>£)?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<dec>\d+))?(?<suffix>\s?(?:%|per\s?cent\b|m\b|million\b))?(?<pounds>\s+pounds\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();
}
