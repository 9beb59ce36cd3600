namespace PprrBot.Data.Measures;

public sealed class Priority
{
    public int Id { get; set; }

    public required string Portfolio { get; set; }

    /// <summary>The priority's number within the portfolio (1 to 5 in the sample).</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public List<Measure> Measures { get; set; } = [];
}
