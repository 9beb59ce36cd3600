using System.Collections.Frozen;
using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;

namespace PprrBot.Data.ReadModel;

/// <summary>A priority and its measures, in code order.</summary>
public sealed record PriorityView(int Number, string Title, string Portfolio)
{
    public IReadOnlyList<MeasureView> Measures { get; internal set; } = [];

    public string Label => $"Priority {Number}";
}

/// <summary>A measure with all its results in period order. Immutable once in a snapshot.</summary>
public sealed class MeasureView(Measure measure, PriorityView priority, IReadOnlyList<MeasureResult> results)
{
    public Measure Measure { get; } = measure;

    public string Code => Measure.Code;

    public string Name => Measure.Name;

    public PriorityView Priority { get; } = priority;

    /// <summary>Every result held, oldest first (by period end).</summary>
    public IReadOnlyList<MeasureResult> Results { get; } = results;

    /// <summary>The current position: the latest row that has a value.</summary>
    public MeasureResult? Current { get; } = results.LastOrDefault(r => r.Value is not null);

    /// <summary>The latest row held, with or without a value.</summary>
    public MeasureResult? Latest { get; } = results.Count > 0 ? results[^1] : null;

    /// <summary>Rows later than the current position that have no figure (the commentary says why).</summary>
    public IReadOnlyList<MeasureResult> LaterWithoutValue =>
        Current is null ? Results : Results.Where(r => r.PeriodEnd > Current.PeriodEnd && r.Value is null).ToList();

    /// <summary>A report's headline row for this measure: its row in that report with the latest period end.</summary>
    public MeasureResult? HeadlineFor(string report) =>
        Results.LastOrDefault(r => string.Equals(r.Report, report, StringComparison.OrdinalIgnoreCase));

    public MeasureResult? ForPeriod(string period) =>
        Results.FirstOrDefault(r => string.Equals(r.Period, period, StringComparison.OrdinalIgnoreCase));

    /// <summary>The row before the given one, in period order.</summary>
    public MeasureResult? Before(MeasureResult result)
    {
        MeasureResult? previous = null;
        foreach (var r in Results)
        {
            if (ReferenceEquals(r, result))
            {
                return previous;
            }

            previous = r;
        }

        return null;
    }
}

/// <summary>
/// Everything the bot answers from, held in memory and replaced whole after an import, so a question
/// never waits on the database and never sees half an import.
/// </summary>
public sealed class PprrSnapshot
{
    public PprrSnapshot(
        IEnumerable<Priority> priorities,
        IEnumerable<Measure> measures,
        IEnumerable<FinanceLine> finance,
        IEnumerable<SavingsScheme> savings,
        IEnumerable<Contact> contacts,
        IEnumerable<Meeting> meetings,
        IEnumerable<ImportRecord> imports,
        DateTimeOffset loadedAt)
    {
        var priorityViews = priorities
            .OrderBy(p => p.Number)
            .ToDictionary(p => p.Id, p => new PriorityView(p.Number, p.Title, p.Portfolio));

        var measureViews = measures
            .Select(m => new MeasureView(
                m,
                priorityViews[m.PriorityId],
                m.Results.OrderBy(r => r.PeriodEnd).ToList()))
            .OrderBy(m => m.Priority.Number)
            .ThenBy(m => m.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        foreach (var p in priorityViews.Values)
        {
            p.Measures = measureViews.Where(m => ReferenceEquals(m.Priority, p)).ToList();
        }

        Priorities = priorityViews.Values.OrderBy(p => p.Number).ToList();
        Measures = measureViews;
        ByCode = measureViews.ToFrozenDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
        Finance = finance.ToList();
        Savings = savings.ToList();
        Contacts = contacts.ToList();
        Meetings = meetings.OrderBy(m => m.Date).ToList();
        Imports = imports.OrderBy(i => i.ImportedAt).ThenBy(i => i.Id).ToList();
        ImportsById = Imports.ToFrozenDictionary(i => i.Id);
        LoadedAt = loadedAt;
        Reports = measureViews
            .SelectMany(m => m.Results)
            .GroupBy(r => r.Report, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Max(r => r.MeetingDate ?? DateOnly.MinValue))
            .ThenBy(g => g.Max(r => r.PeriodEnd))
            .Select(g => g.Key)
            .ToList();
    }

    public IReadOnlyList<PriorityView> Priorities { get; }

    public IReadOnlyList<MeasureView> Measures { get; }

    public FrozenDictionary<string, MeasureView> ByCode { get; }

    public IReadOnlyList<FinanceLine> Finance { get; }

    public IReadOnlyList<SavingsScheme> Savings { get; }

    public IReadOnlyList<Contact> Contacts { get; }

    public IReadOnlyList<Meeting> Meetings { get; }

    /// <summary>Every import behind the data, oldest first.</summary>
    public IReadOnlyList<ImportRecord> Imports { get; }

    public FrozenDictionary<int, ImportRecord> ImportsById { get; }

    /// <summary>Reports that carry measure results, oldest meeting first.</summary>
    public IReadOnlyList<string> Reports { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>True while any of the data comes from the embedded sample, not a council's import.</summary>
    public bool IsSample => Imports.Count == 0 || Imports.Any(i => i.IsSample);

    public ImportRecord? LastImport => Imports.Count > 0 ? Imports[^1] : null;

    /// <summary>The portfolio the loaded report covers, for the bot's own words about itself.</summary>
    public string PortfolioName => Priorities.Count > 0 ? Priorities[0].Portfolio : "the portfolio's";

    public static PprrSnapshot Empty { get; } = new([], [], [], [], [], [], [], DateTimeOffset.MinValue);

    public MeasureView? Measure(string code) => ByCode.GetValueOrDefault(code);

    public Contact? ContactForRole(string role) =>
        Contacts.FirstOrDefault(c => string.Equals(Normalise(c.Role), Normalise(role), StringComparison.OrdinalIgnoreCase));

    /// <summary>Names keep the en dash the reports print; matching treats it as a hyphen.</summary>
    public static string Normalise(string text) => text.Replace('\u2013', '-').Replace('\u2014', '-').Trim();
}
