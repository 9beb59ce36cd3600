using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Imports;

/// <summary>
/// What checked files become in a database that holds no import: every row new, nothing to read or compare. The
/// importer's all-new path adds this graph to the context; start-up answers from the same graph, numbered as a
/// fresh database numbers it, while that import is written (ADR-011), so the two cannot differ.
/// </summary>
internal sealed class NewImportGraph
{
    private NewImportGraph(IEnumerable<ImportRecord> records) => Records = [.. records];

    public List<ImportRecord> Records { get; }

    public List<Priority> Priorities { get; } = [];

    public List<Measure> Measures { get; } = [];

    public List<FinanceLine> Finance { get; } = [];

    public List<SavingsScheme> Savings { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<Meeting> Meetings { get; } = [];

    /// <param name="applied">Each file with its import record, in apply order; the records' ids stamp the rows.</param>
    public static NewImportGraph Build(IReadOnlyList<(ParsedFile File, ImportRecord Record)> applied)
    {
        var graph = new NewImportGraph(applied.Select(a => a.Record));
        foreach (var (file, record) in applied)
        {
            graph.Apply(file, record.Id);
        }

        return graph;
    }

    /// <summary>The graph with ids 1, 2, 3... per table in insertion order, as an empty database would give them.</summary>
    public static NewImportGraph Provisional(IReadOnlyList<(ParsedFile File, ImportRecord Record)> applied)
    {
        Number(applied.Select(a => a.Record).ToList(), (r, id) => r.Id = id);
        var graph = Build(applied);
        Number(graph.Priorities, (p, id) => p.Id = id);
        Number(graph.Measures, (m, id) =>
        {
            m.Id = id;
            m.PriorityId = m.Priority!.Id;
        });
        Number(graph.Measures.SelectMany(m => m.Results).ToList(), (r, id) => r.Id = id);
        foreach (var measure in graph.Measures)
        {
            measure.Results.ForEach(r => r.MeasureId = measure.Id);
        }

        Number(graph.Finance, (f, id) => f.Id = id);
        Number(graph.Savings, (s, id) => s.Id = id);
        Number(graph.Contacts, (c, id) => c.Id = id);
        Number(graph.Meetings, (m, id) => m.Id = id);
        return graph;
    }

    public PprrSnapshot ToSnapshot(DateTimeOffset loadedAt) =>
        new PprrSnapshotSource(Priorities, Measures, Finance, Savings, Contacts, Meetings, Records).Build(loadedAt);

    public void AddTo(PprrDbContext db)
    {
        db.Priorities.AddRange(Priorities);
        db.Measures.AddRange(Measures);
        db.FinanceLines.AddRange(Finance);
        db.SavingsSchemes.AddRange(Savings);
        db.Contacts.AddRange(Contacts);
        db.Meetings.AddRange(Meetings);
    }

    private void Apply(ParsedFile file, int importId)
    {
        switch (file.Kind)
        {
            case ImportKind.Measures:
                ApplyMeasures(file, importId);
                break;
            case ImportKind.Definitions:
                ApplyDefinitions(file, Measures.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase));
                break;
            case ImportKind.Finance:
                AddStamped(file.Finance, Finance, line => line.ImportId = importId);
                break;
            case ImportKind.Savings:
                AddStamped(file.Savings, Savings, scheme => scheme.ImportId = importId);
                break;
            case ImportKind.Contacts:
                AddStamped(file.Contacts, Contacts, contact => contact.ImportId = importId);
                break;
            case ImportKind.Meetings:
                AddStamped(file.Meetings, Meetings, meeting => meeting.ImportId = importId);
                break;
        }
    }

    private void ApplyMeasures(ParsedFile file, int importId)
    {
        var priorities = new Dictionary<(string Portfolio, int Number), Priority>();
        var measures = new Dictionary<string, Measure>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Measures)
        {
            row.Result.ImportId = importId;
            ApplyMeasureRow(row, priorities, measures, Priorities.Add, Measures.Add).Results.Add(row.Result);
        }
    }

    /// <summary>
    /// A measures row's priority and measure: found among those given, or added; its later rows (one per period)
    /// restate the details. The importer's update path shares this; the result row is the caller's to place.
    /// </summary>
    internal static Measure ApplyMeasureRow(
        ParsedMeasureRow row,
        Dictionary<(string Portfolio, int Number), Priority> priorities,
        Dictionary<string, Measure> measures,
        Action<Priority> addPriority,
        Action<Measure> addMeasure)
    {
        if (!priorities.TryGetValue((row.Portfolio, row.PriorityNumber), out var priority))
        {
            priority = new Priority { Portfolio = row.Portfolio, Number = row.PriorityNumber, Title = row.PriorityTitle };
            priorities[(row.Portfolio, row.PriorityNumber)] = priority;
            addPriority(priority);
        }

        priority.Title = row.PriorityTitle;

        var incoming = row.Measure;
        if (!measures.TryGetValue(incoming.Code, out var measure))
        {
            measure = incoming;
            measures[incoming.Code] = measure;
            addMeasure(measure);
        }

        measure.Name = incoming.Name;
        measure.Unit = incoming.Unit;
        measure.Polarity = incoming.Polarity;
        measure.Frequency = incoming.Frequency;
        measure.OwnerRole = incoming.OwnerRole;
        measure.Priority = priority;
        return measure;
    }

    internal static void ApplyDefinitions(ParsedFile file, Dictionary<string, Measure> measuresByCode)
    {
        foreach (var row in file.Definitions)
        {
            var measure = measuresByCode[row.Code];
            measure.Definition = row.Definition;
            measure.DefinitionSourceRef = row.SourceRef;
            measure.DefinitionProvenance = row.Provenance;
        }
    }

    private static void AddStamped<T>(List<(int Row, T Item)> rows, List<T> into, Action<T> stamp)
    {
        foreach (var (_, item) in rows)
        {
            stamp(item);
            into.Add(item);
        }
    }

    private static void Number<T>(List<T> rows, Action<T, int> setId)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            setId(rows[i], i + 1);
        }
    }
}
