using PprrBot.Data.Measures;

namespace PprrBot.Data.Finance;

public sealed class SavingsScheme
{
    public int Id { get; set; }

    public required string Portfolio { get; set; }

    public required string Period { get; set; }

    public required string Scheme { get; set; }

    public decimal Target { get; set; }

    /// <summary>Achieved (a closed year) or forecast to be achieved (in year).</summary>
    public decimal ForecastAchieved { get; set; }

    public Rag Rag { get; set; }

    public string? Commentary { get; set; }

    public required string OwnerRole { get; set; }

    public string? Provenance { get; set; }

    public int? ImportId { get; set; }

    public decimal Shortfall => Math.Max(0m, Target - ForecastAchieved);
}
