using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Imports;

/// <summary>
/// The embedded sample data set (a copy of the reference files). TEMPORARY minimal reader so the other
/// features can answer from real-looking data; the validating importer replaces the parsing here.
/// </summary>
public static class SampleDataSet
{
    public static readonly string[] FileNames = ["measures.csv", "definitions.csv", "finance.csv", "savings.csv", "contacts.csv", "meetings.csv"];

    public static Stream Open(string fileName) =>
        typeof(SampleDataSet).Assembly.GetManifestResourceStream($"PprrBot.Data.Sample.{fileName}")
        ?? throw new FileNotFoundException($"The embedded sample file {fileName} is missing from the build.");

    public static PprrSnapshot LoadSnapshot(DateTimeOffset loadedAt)
    {
        var priorities = new Dictionary<int, Priority>();
        var measures = new Dictionary<string, Measure>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows("measures.csv"))
        {
            var number = int.Parse(row["priority"], CultureInfo.InvariantCulture);
            if (!priorities.TryGetValue(number, out var priority))
            {
                priority = new Priority { Id = number, Number = number, Title = row["priority_title"], Portfolio = row["portfolio"] };
                priorities[number] = priority;
            }

            if (!measures.TryGetValue(row["code"], out var measure))
            {
                measure = new Measure
                {
                    Id = measures.Count + 1,
                    Code = row["code"],
                    Name = row["measure"],
                    Unit = ParseEnum<MeasureUnit>(row["unit"]),
                    Polarity = ParseEnum<Polarity>(row["polarity"]),
                    Frequency = ParseEnum<MeasureFrequency>(row["frequency"]),
                    PriorityId = priority.Id,
                    OwnerRole = row["owner_role"],
                };
                measures[measure.Code] = measure;
            }

            measure.Results.Add(new MeasureResult
            {
                MeasureId = measure.Id,
                Period = row["period"],
                PeriodEnd = DateOnly.ParseExact(row["period_end"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Value = Number(row["value"]),
                Target = Number(row["target"]),
                AmberTolerance = Number(row["amber_tolerance"]),
                ReportedRag = string.IsNullOrEmpty(row["reported_rag"]) ? null : ParseEnum<Rag>(row["reported_rag"]),
                PreviousValue = Number(row["previous_value"]),
                England = Number(row["england"]),
                NorthWest = Number(row["north_west"]),
                StatNeighbours = Number(row["stat_neighbours"]),
                ComparatorPeriod = Text(row["comparator_period"]),
                Commentary = Text(row["commentary"]),
                Report = row["report"],
                MeetingDate = string.IsNullOrEmpty(row["meeting_date"]) ? null : DateOnly.ParseExact(row["meeting_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                SourceRef = Text(row["source_ref"]),
                Provenance = Text(row["provenance"]),
            });
        }

        foreach (var row in Rows("definitions.csv"))
        {
            if (measures.TryGetValue(row["code"], out var measure))
            {
                measure.Definition = row["definition"];
                measure.DefinitionSourceRef = Text(row["source_ref"]);
                measure.DefinitionProvenance = Text(row["provenance"]);
            }
        }

        var finance = Rows("finance.csv").Select(row => new FinanceLine
        {
            Portfolio = row["portfolio"],
            Period = row["period"],
            Service = row["service"],
            Line = row["line"],
            Budget = Number(row["budget_gbp"]) ?? 0m,
            ForecastOutturn = Number(row["forecast_outturn_gbp"]) ?? 0m,
            Variance = Number(row["variance_gbp"]) ?? 0m,
            Commentary = Text(row["commentary"]),
            OwnerRole = row["owner_role"],
            Report = row["report"],
            Provenance = Text(row["provenance"]),
        }).ToList();

        var savings = Rows("savings.csv").Select(row => new SavingsScheme
        {
            Portfolio = row["portfolio"],
            Period = row["period"],
            Scheme = row["scheme"],
            Target = Number(row["target_gbp"]) ?? 0m,
            ForecastAchieved = Number(row["forecast_achieved_gbp"]) ?? 0m,
            Rag = ParseEnum<Rag>(row["rag"]),
            Commentary = Text(row["commentary"]),
            OwnerRole = row["owner_role"],
            Provenance = Text(row["provenance"]),
        }).ToList();

        var contacts = Rows("contacts.csv").Select(row => new Contact
        {
            Role = row["role"],
            Name = row["name"],
            Title = row["title"],
            Email = Text(row["email"]),
            Phone = Text(row["phone"]),
            Areas = row["areas"],
            TeamsUserId = Text(row["teams_user_id"]),
            Provenance = Text(row["provenance"]),
        }).ToList();

        var meetings = Rows("meetings.csv").Select(row => new Meeting
        {
            Committee = row["committee"],
            Date = DateOnly.ParseExact(row["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = string.IsNullOrEmpty(row["time"]) ? null : TimeOnly.ParseExact(row["time"], "HH:mm", CultureInfo.InvariantCulture),
            Item = row["item"],
            Report = row["report"],
            CabinetDate = string.IsNullOrEmpty(row["cabinet_date"]) ? null : DateOnly.ParseExact(row["cabinet_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Provenance = Text(row["provenance"]),
        }).ToList();

        var sampleImport = new ImportRecord
        {
            Id = 0,
            Kind = ImportKind.Measures,
            FileName = "embedded sample data set",
            Sha256 = "",
            Rows = measures.Values.Sum(m => m.Results.Count),
            ImportedBy = "PprrBot (sample)",
            ImportedAt = loadedAt,
            IsSample = true,
        };

        return new PprrSnapshot(priorities.Values, measures.Values, finance, savings, contacts, meetings, [sampleImport], loadedAt);
    }

    private static List<Dictionary<string, string>> Rows(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.OrdinalIgnoreCase));
        }

        return rows;
    }

    private static decimal? Number(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string? Text(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static T ParseEnum<T>(string text)
        where T : struct, Enum => Enum.Parse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
