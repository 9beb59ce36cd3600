namespace PprrBot.Data.Measures;

/// <summary>The unit a measure's value is expressed in; it decides how a figure is written.</summary>
public enum MeasureUnit
{
    Percent,
    RatePer10000,
    Count,
    Score,
    Days,
    Gbp,
}

/// <summary>Which direction is better. Context measures describe demand and are never rated.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    Context,
}

public enum MeasureFrequency
{
    Quarterly,
    Termly,
    AnnualFinancial,
    AnnualAcademic,
}

public enum Rag
{
    Red,
    Amber,
    Green,
}
