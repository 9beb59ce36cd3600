namespace PprrBot.Data.Finance;

/// <summary>A revenue budget line: budget, (forecast) out-turn and variance, in whole pounds.</summary>
public sealed class FinanceLine
{
    public int Id { get; set; }

    public required string Portfolio { get; set; }

    /// <summary>2019/20 (out-turn) or 2020/21 Q2 (forecast out-turn for the year).</summary>
    public required string Period { get; set; }

    public required string Service { get; set; }

    public required string Line { get; set; }

    public decimal Budget { get; set; }

    public decimal ForecastOutturn { get; set; }

    /// <summary>Out-turn minus budget: positive is an overspend.</summary>
    public decimal Variance { get; set; }

    public string? Commentary { get; set; }

    /// <summary>One or more contact roles, separated by ';'.</summary>
    public required string OwnerRole { get; set; }

    public required string Report { get; set; }

    public string? Provenance { get; set; }

    public int? ImportId { get; set; }

    /// <summary>The service name the data uses for the cash-limit total row.</summary>
    public const string PortfolioTotalService = "Portfolio total";

    /// <summary>The ring-fenced grant reported outside the cash limit.</summary>
    public const string DedicatedSchoolsGrantService = "Dedicated Schools Grant";

    public bool IsPortfolioTotal => string.Equals(Service, PortfolioTotalService, StringComparison.OrdinalIgnoreCase);

    public bool IsDedicatedSchoolsGrant => string.Equals(Service, DedicatedSchoolsGrantService, StringComparison.OrdinalIgnoreCase);
}
