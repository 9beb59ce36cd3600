namespace PprrBot.Data.Imports;

/// <summary>The columns each kind of file must have, and how a kind is recognised from its header.</summary>
internal static class ImportSchema
{
    /// <summary>Columns the header must contain. Other columns named in docs/data-format.md are optional.</summary>
    public static IReadOnlyList<string> RequiredColumns(ImportKind kind) => kind switch
    {
        ImportKind.Measures =>
        [
            "portfolio", "priority", "priority_title", "code", "measure", "unit", "polarity", "frequency",
            "period", "period_end", "value", "target", "owner_role", "report",
        ],
        ImportKind.Definitions => ["code", "definition"],
        ImportKind.Finance => ["portfolio", "period", "service", "line", "budget_gbp", "forecast_outturn_gbp", "variance_gbp", "owner_role", "report"],
        ImportKind.Savings => ["portfolio", "period", "scheme", "target_gbp", "forecast_achieved_gbp", "rag", "owner_role"],
        ImportKind.Contacts => ["role", "name", "title"],
        ImportKind.Meetings => ["committee", "date", "item", "report"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind whose telltale columns the header has, or null when none (or more than one) fits.</summary>
    public static ImportKind? Detect(IReadOnlyList<string> headers)
    {
        bool Has(string column) => headers.Contains(column, StringComparer.OrdinalIgnoreCase);

        ImportKind[] candidates =
        [
            .. Has("code") && Has("period") && Has("value") ? [ImportKind.Measures] : Array.Empty<ImportKind>(),
            .. Has("code") && Has("definition") && !Has("period") ? [ImportKind.Definitions] : Array.Empty<ImportKind>(),
            .. Has("budget_gbp") ? [ImportKind.Finance] : Array.Empty<ImportKind>(),
            .. Has("scheme") && Has("target_gbp") ? [ImportKind.Savings] : Array.Empty<ImportKind>(),
            .. Has("role") && Has("name") ? [ImportKind.Contacts] : Array.Empty<ImportKind>(),
            .. Has("committee") && Has("date") ? [ImportKind.Meetings] : Array.Empty<ImportKind>(),
        ];
        return candidates.Length == 1 ? candidates[0] : null;
    }

    /// <summary>The order files of one import are applied in, so contacts exist before the rows that name them.</summary>
    public static int ApplyOrder(ImportKind kind) => kind switch
    {
        ImportKind.Contacts => 0,
        ImportKind.Meetings => 1,
        ImportKind.Measures => 2,
        ImportKind.Definitions => 3,
        ImportKind.Finance => 4,
        ImportKind.Savings => 5,
        _ => 6,
    };
}
