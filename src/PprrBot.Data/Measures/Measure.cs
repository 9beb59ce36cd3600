namespace PprrBot.Data.Measures;

public sealed class Measure
{
    public int Id { get; set; }

    /// <summary>The council's measure code, such as CFE08; unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public MeasureUnit Unit { get; set; }

    public Polarity Polarity { get; set; }

    public MeasureFrequency Frequency { get; set; }

    public int PriorityId { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>The contact role that answers detailed questions on this measure.</summary>
    public required string OwnerRole { get; set; }

    /// <summary>What the measure counts, in plain words (from the definitions file).</summary>
    public string? Definition { get; set; }

    public string? DefinitionSourceRef { get; set; }

    public string? DefinitionProvenance { get; set; }

    public List<MeasureResult> Results { get; set; } = [];
}
