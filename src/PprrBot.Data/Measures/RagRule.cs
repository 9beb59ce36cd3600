namespace PprrBot.Data.Measures;

/// <summary>The outcome of the target rule: the rating, and how far the value is from its target.</summary>
/// <param name="Rating">Null when the row cannot be rated (context measure, no value or no target).</param>
/// <param name="Shortfall">How far short of target, in the measure's unit; zero or negative means met.</param>
/// <param name="Tolerance">The Amber band used (an empty tolerance counts as zero).</param>
public sealed record RagAssessment(Rag? Rating, decimal? Shortfall, decimal Tolerance)
{
    public static readonly RagAssessment NotRated = new(null, null, 0m);
}

/// <summary>
/// The PPRR target rule: Green when the target is met or beaten, Amber when missed by no more than
/// the tolerance, Red beyond it. Decimal arithmetic, so 10.4 - 10.0 is exactly 0.4.
/// </summary>
public static class RagRule
{
    public static RagAssessment Assess(decimal? value, decimal? target, decimal? amberTolerance, Polarity polarity)
    {
        if (polarity == Polarity.Context || value is null || target is null)
        {
            return RagAssessment.NotRated;
        }

        var shortfall = polarity == Polarity.HigherIsBetter ? target.Value - value.Value : value.Value - target.Value;
        var tolerance = amberTolerance ?? 0m;
        var rating = shortfall <= 0m ? Rag.Green : shortfall <= tolerance ? Rag.Amber : Rag.Red;
        return new RagAssessment(rating, shortfall, tolerance);
    }

    public static RagAssessment Assess(MeasureResult result, Polarity polarity) =>
        Assess(result.Value, result.Target, result.AmberTolerance, polarity);
}
