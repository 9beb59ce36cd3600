using System.Globalization;
using BenchmarkDotNet.Attributes;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Benchmarks.ReadModel;

/// <summary>
/// The read model for 10,000 measures with 5 periods each: its retained size (GC.GetTotalMemory around the
/// entities as loaded from the database plus the snapshot built on them), and, with BenchmarkDotNet, the
/// allocations and time of building the snapshot from loaded entities.
/// </summary>
[MemoryDiagnoser]
public class SnapshotMemory
{
    private const int MeasureCount = 10_000;
    private static readonly string[] Periods = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"];

    private List<Priority> _priorities = [];
    private List<Measure> _measures = [];

    [GlobalSetup]
    public void CreateEntities() => (_priorities, _measures) = Entities();

    [Benchmark]
    public PprrSnapshot BuildSnapshot() =>
        new(_priorities, _measures, [], [], [], [], [Import], DateTimeOffset.UnixEpoch);

    private static readonly ImportRecord Import = new() { Id = 1, Kind = ImportKind.Measures, FileName = "large.csv", Sha256 = new string('0', 64), ImportedBy = "bench", Rows = MeasureCount * 5 };

    public static void Print()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (priorities, measures) = Entities();
        var afterEntities = GC.GetTotalMemory(forceFullCollection: true);
        var snapshot = new PprrSnapshot(priorities, measures, [], [], [], [], [Import], DateTimeOffset.UnixEpoch);
        var afterSnapshot = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Measures: {snapshot.Measures.Count:N0}; results: {snapshot.Measures.Sum(m => m.Results.Count):N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Entities (as loaded from the database): {(afterEntities - before) / 1_048_576.0:N1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Snapshot views and indexes on top:      {(afterSnapshot - afterEntities) / 1_048_576.0:N1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total retained:                         {(afterSnapshot - before) / 1_048_576.0:N1} MB"));
        GC.KeepAlive(snapshot);
    }

    /// <summary>Entities shaped like an import of the generated file: every string a separate instance, as the database gives them.</summary>
    private static (List<Priority>, List<Measure>) Entities()
    {
        var priorities = Enumerable.Range(1, 5)
            .Select(n => new Priority { Id = n, Number = n, Portfolio = "Generated portfolio", Title = $"Priority {n}" })
            .ToList();
        var measures = new List<Measure>(MeasureCount);
        for (var m = 0; m < MeasureCount; m++)
        {
            var measure = new Measure
            {
                Id = m + 1,
                Code = $"GEN{m:00000}",
                Name = $"Generated measure {m}: % of children in a generated cohort reaching a generated standard",
                Unit = MeasureUnit.Percent,
                Polarity = Polarity.HigherIsBetter,
                Frequency = MeasureFrequency.AnnualFinancial,
                PriorityId = 1 + (m % 5),
                OwnerRole = new string("Strategy and Performance Manager".AsSpan()),
                Definition = $"Generated definition {m}: what the measure counts, in plain words, and where the definition comes from.",
            };
            for (var p = 0; p < Periods.Length; p++)
            {
                measure.Results.Add(new MeasureResult
                {
                    Id = (m * 5) + p + 1,
                    MeasureId = measure.Id,
                    Period = new string(Periods[p].AsSpan()),
                    PeriodEnd = new DateOnly(2017 + p, 3, 31),
                    Value = 60.5m + (m % 20),
                    Target = 70.0m,
                    AmberTolerance = 2.0m,
                    ReportedRag = Rag.Red,
                    PreviousValue = 60.0m + (m % 20),
                    England = 71.0m,
                    NorthWest = 70.5m,
                    StatNeighbours = 69.8m,
                    ComparatorPeriod = new string(Periods[p].AsSpan()),
                    Commentary = $"Generated commentary for measure {m} in {Periods[p]}: a sentence of typical length for officer commentary, about 120 characters.",
                    Report = $"Annual PPRR {Periods[p]}",
                    MeetingDate = new DateOnly(2017 + p, 6, 10),
                    SourceRef = new string("sample [value, target]".AsSpan()),
                    Provenance = new string("sample".AsSpan()),
                    ImportId = 1,
                });
            }

            measures.Add(measure);
        }

        return (priorities, measures);
    }
}
