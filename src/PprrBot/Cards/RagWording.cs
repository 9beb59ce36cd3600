using PprrBot.Data.Measures;

namespace PprrBot.Cards;

/// <summary>
/// Why a row has the rating it has, in words a member can repeat in a meeting.
/// <paramref name="Reported"/> is what the report printed and wins; <paramref name="ByRule"/> is what the
/// target rule gives. When they differ, <paramref name="OfficerReason"/> is the commentary sentence that
/// starts "Rated ...", if the officers gave one.
/// </summary>
internal sealed record RagExplanation(Rag? Reported, Rag? ByRule, string Text, string Spoken, string? OfficerReason)
{
    public bool Differs => Reported != ByRule;

    public string Word => RagWording.Word(Reported);
}

/// <summary>The one place that words a RAG rating and its reason.</summary>
internal static class RagWording
{
    public const string NotRatedWord = "Not rated";

    public static string Word(Rag? rating) => rating?.ToString() ?? NotRatedWord;

    /// <summary>The Adaptive Card container style for a rating: colour beside the word, never instead of it.</summary>
    public static string ContainerStyle(Rag? rating) => rating switch
    {
        Rag.Green => "good",
        Rag.Amber => "warning",
        Rag.Red => "attention",
        _ => "emphasis",
    };

    /// <summary>The TextBlock colour for a rating word.</summary>
    public static string TextColour(Rag? rating) => rating switch
    {
        Rag.Green => "good",
        Rag.Amber => "warning",
        Rag.Red => "attention",
        _ => "default",
    };

    /// <summary>"Red 2, Amber 1, Green 2, not rated 1" (ratings with none are left out).</summary>
    public static string Counts(IEnumerable<Rag?> ratings)
    {
        var list = ratings.ToList();
        var parts = new List<string>();
        foreach (var (rating, label) in new (Rag? Rating, string Label)[] { (Rag.Red, "Red"), (Rag.Amber, "Amber"), (Rag.Green, "Green"), (null, "not rated") })
        {
            var count = list.Count(r => r == rating);
            if (count > 0)
            {
                parts.Add($"{label} {count}");
            }
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>The rating of a row and its reason, by the reported rating and the target rule.</summary>
    public static RagExplanation Explain(Measure measure, MeasureResult row)
    {
        var rule = RagRule.Assess(row, measure.Polarity);
        var reported = row.ReportedRag;
        var written = Reason(measure, row, rule, spoken: false);
        var spoken = Reason(measure, row, rule, spoken: true);

        if (reported == rule.Rating)
        {
            return new RagExplanation(reported, rule.Rating, Prefix(reported) + written, Prefix(reported) + spoken, null);
        }

        var officerReason = OfficerReason(row.Commentary);
        string Disagreement(string reason) => (reported, rule.Rating) switch
        {
            (not null, not null) => $"Reported {reported}; by the target rule this would be {rule.Rating}: {reason}",
            (not null, null) => $"Reported {reported}; the target rule cannot rate it ({reason})",
            _ => $"Not rated in the report; by the target rule this would be {rule.Rating}: {reason}",
        };

        return new RagExplanation(reported, rule.Rating, Disagreement(written), Disagreement(spoken), officerReason);
    }

    /// <summary>The officers' sentence explaining a judgement: the one in the commentary that starts "Rated ".</summary>
    public static string? OfficerReason(string? commentary)
    {
        if (string.IsNullOrEmpty(commentary))
        {
            return null;
        }

        var start = commentary.StartsWith("Rated ", StringComparison.Ordinal) ? 0 : commentary.IndexOf(". Rated ", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        if (start > 0)
        {
            start += 2;
        }

        // Decimals ("58.3%") have no space after the full stop, so ". " ends the sentence.
        var end = commentary.IndexOf(". ", start, StringComparison.Ordinal);
        return end < 0 ? commentary[start..].Trim() : commentary[start..(end + 1)];
    }

    /// <summary>"the 72.5% target" for percentages, "the target of 49.5" otherwise.</summary>
    public static string TargetPhrase(decimal target, MeasureUnit unit, bool spoken = false) =>
        unit == MeasureUnit.Percent
            ? $"the {(spoken ? UkFormat.SpokenValue(target, unit) : UkFormat.Value(target, unit))} target"
            : $"the target of {(spoken ? UkFormat.SpokenValue(target, unit) : UkFormat.Value(target, unit))}";

    private static string Prefix(Rag? rating) => rating is null ? NotRatedWord + ": " : rating + ": ";

    private static string Reason(Measure measure, MeasureResult row, RagAssessment rule, bool spoken)
    {
        if (measure.Polarity == Polarity.Context)
        {
            return "a context measure; it describes demand, so it has no target";
        }

        if (row.Value is null)
        {
            return $"no figure for {row.Period}";
        }

        if (row.Target is null || rule.Shortfall is null)
        {
            return $"no target was set for {row.Period}";
        }

        var unit = measure.Unit;
        var value = spoken ? UkFormat.SpokenValue(row.Value.Value, unit) : UkFormat.Value(row.Value.Value, unit);
        var target = TargetPhrase(row.Target.Value, unit, spoken);
        var shortfall = rule.Shortfall.Value;
        if (shortfall < 0)
        {
            return $"{value} beats {target}";
        }

        if (shortfall == 0)
        {
            return $"{value} meets {target}";
        }

        var gap = spoken ? UkFormat.SpokenDifference(shortfall, unit) : UkFormat.Difference(shortfall, unit);
        var side = measure.Polarity == Polarity.HigherIsBetter ? "short of" : "above";
        if (rule.Tolerance == 0m)
        {
            return $"{gap} {side} {target}, with no tolerance";
        }

        var band = shortfall <= rule.Tolerance ? "within" : "beyond";
        return $"{gap} {side} {target}, {band} {UkFormat.Tolerance(rule.Tolerance, unit)}";
    }
}
