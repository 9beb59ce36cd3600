using System.Globalization;
using CsvHelper;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Benchmarks.Conversation;

/// <summary>
/// The two catalogues the answering benchmark runs on, each with a realistic mix of member questions: the sample data
/// with the question sets the tests score (dev + our phrasings), and a synthetic 10,000-measure catalogue named from
/// council vocabulary (topics × cohorts × units × localities) with questions written the same way members ask.
/// </summary>
public static class AnsweringCatalogue
{
    public const int SyntheticMeasureCount = 10_000;

    private static readonly string[] Periods = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"];

    private static readonly string[] Topics =
    [
        "persistent absence", "overall absence", "fixed-term exclusions", "permanent exclusions",
        "reaching the expected standard in reading, writing and maths at Key Stage 2",
        "achieving grade 4 or above in English and maths at GCSE", "Attainment 8 score", "Progress 8 score",
        "new education, health and care plans issued within 20 weeks", "taking up a funded early education place",
        "re-referrals to children's social care within 12 months", "child protection plans lasting two years or more",
        "in long-term stable placements", "in education, employment or training", "not in education, employment or training",
        "offered a school place at their first preference", "attending a good or outstanding school",
        "taking up free school meals", "first-time entrants to the youth justice system", "adopted within 18 months",
        "placed with in-house foster carers", "using home to school transport", "electively home educated",
        "with a completed early help assessment", "receiving a health assessment on time",
    ];

    private static readonly string[] Cohorts =
    [
        "looked after children", "pupils with SEN support", "pupils with an EHC plan", "pupils eligible for free school meals",
        "primary pupils", "secondary pupils", "girls", "boys", "young people aged 16 to 17", "children in need",
        "disadvantaged pupils", "care leavers aged 19 to 21", "children on a child protection plan",
        "pupils with English as an additional language", "children under five", "young carers",
        "pupils in alternative provision", "Gypsy, Roma and Traveller pupils", "children with a disability",
        "unaccompanied asylum-seeking children",
    ];

    private static readonly (string Words, MeasureUnit Unit)[] Units =
    [
        ("% of", MeasureUnit.Percent), ("Number of", MeasureUnit.Count), ("Rate per 10,000 of", MeasureUnit.RatePer10000),
        ("Average days for", MeasureUnit.Days),
    ];

    private static readonly string[] Localities = ["North", "South", "East", "West", "Central"];

    /// <summary>The sample data, and the development and phrasing question sets as members typed them.</summary>
    public static (PprrSnapshot Snapshot, string[] Questions) Sample()
    {
        var questions = new List<string>();
        foreach (var file in new[] { "dev-questions.csv", "phrasing-questions.csv" })
        {
            using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Conversation", file));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                questions.Add(csv.GetField("question")!);
            }
        }

        return (SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch), [.. questions]);
    }

    /// <summary>
    /// 10,000 measures × 5 periods built straight into a snapshot (the sample's finance, savings, contacts and
    /// meetings alongside), and questions about them: lookups, trends, comparisons, definitions, RAG lists,
    /// near misses and the sample sets' general questions.
    /// </summary>
    public static (PprrSnapshot Snapshot, string[] Questions) Synthetic()
    {
        var sample = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);
        var priorities = Enumerable.Range(1, 5)
            .Select(n => new Priority { Id = n, Number = n, Portfolio = "Children, Families and Education", Title = $"Generated priority {n}" })
            .ToList();
        var roles = sample.Contacts.Select(c => c.Role).Distinct(StringComparer.Ordinal).ToArray();
        var measures = new List<Measure>(SyntheticMeasureCount);
        var n = 0;
        foreach (var topic in Topics)
        {
            foreach (var cohort in Cohorts)
            {
                foreach (var (words, unit) in Units)
                {
                    foreach (var locality in Localities)
                    {
                        measures.Add(SyntheticMeasure(n++, $"{words} {cohort} {topic} ({locality} locality)", topic, cohort, unit, roles));
                    }
                }
            }
        }

        var snapshot = new PprrSnapshot(
            priorities, measures, sample.Finance, sample.Savings, sample.Contacts, sample.Meetings,
            [new ImportRecord { Id = 1, Kind = ImportKind.Measures, FileName = "synthetic.csv", Sha256 = new string('0', 64), ImportedBy = "bench", Rows = measures.Count * Periods.Length }],
            DateTimeOffset.UnixEpoch);

        string[] questions =
        [
            "what is the persistent absence rate for looked after children in the north locality?",
            "% of pupils with SEN support reaching the expected standard in reading, writing and maths at Key Stage 2, South locality",
            "how many care leavers aged 19 to 21 are in education, employment or training in the east?",
            "show me the Attainment 8 score for disadvantaged pupils",
            "GCSE english and maths grade 4 for girls in the central locality",
            "new EHC plans issued within 20 weeks",
            "how has permanent exclusions for boys changed over the years?",
            "trend in fixed-term exclusions for pupils with an EHC plan west locality",
            "how does persistent absence for children in need compare with England?",
            "compare free school meals take-up for primary pupils with our statistical neighbours",
            "what does the measure on re-referrals to children's social care within 12 months mean?",
            "define placement stability for looked after children",
            "which measures are red?",
            "what's amber in priority 3?",
            "show me priority 2",
            "who is responsible for first-time entrants to the youth justice system?",
            "what is the forecast out-turn?",
            "which savings are at risk?",
            "brief me for the meeting",
            "help",
            "what is the weather tomorrow?",
            "persistant absense for lookd after childen",
            "how many young carers have a completed early help assessment?",
            "average days for unaccompanied asylum-seeking children adopted within 18 months",
            "what was the rate per 10,000 of children on a child protection plan with plans lasting two years or more in 2019/20?",
            "school place at first preference for secondary pupils last year",
            "home to school transport",
            "electively home educated Gypsy, Roma and Traveller pupils in the north",
            "health assessments on time for looked after children",
            "in-house foster carers",
        ];
        return (snapshot, questions);
    }

    private static Measure SyntheticMeasure(int n, string name, string topic, string cohort, MeasureUnit unit, string[] roles)
    {
        var lowerIsBetter = topic.Contains("absence", StringComparison.Ordinal) || topic.Contains("exclusion", StringComparison.Ordinal)
            || topic.StartsWith("not ", StringComparison.Ordinal) || topic.StartsWith("re-referrals", StringComparison.Ordinal);
        var measure = new Measure
        {
            Id = n + 1,
            Code = $"GEN{n:00000}",
            Name = name,
            Unit = unit,
            Polarity = lowerIsBetter ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
            Frequency = MeasureFrequency.AnnualAcademic,
            PriorityId = 1 + (n % 5),
            OwnerRole = roles.Length == 0 ? "Strategy and Performance Manager" : roles[n % roles.Length],
            Definition = $"The {unit switch { MeasureUnit.Percent => "percentage", MeasureUnit.Count => "number", MeasureUnit.RatePer10000 => "rate per 10,000", _ => "average number of days" }} "
                         + $"of {cohort} {topic}, counted at the end of the academic year from the council's case management system.",
        };
        for (var p = 0; p < Periods.Length; p++)
        {
            var value = 40m + (((n * 7) + (p * 3)) % 50) + 0.1m * (n % 10);
            measure.Results.Add(new MeasureResult
            {
                Id = (n * Periods.Length) + p + 1,
                MeasureId = measure.Id,
                Period = Periods[p],
                PeriodEnd = new DateOnly(2017 + p, 8, 31),
                Value = value,
                Target = 60m,
                AmberTolerance = 2m,
                ReportedRag = RagRule.Assess(value, 60m, 2m, measure.Polarity).Rating,
                PreviousValue = p == 0 ? null : 40m + (((n * 7) + ((p - 1) * 3)) % 50) + 0.1m * (n % 10),
                England = 55.5m,
                NorthWest = 54.2m,
                StatNeighbours = 56.1m,
                ComparatorPeriod = Periods[p],
                Commentary = $"Performance for {cohort} moved with the national picture in {Periods[p]}; the service is reviewing its action plan with schools.",
                Report = $"Annual PPRR {Periods[p]}",
                MeetingDate = new DateOnly(2017 + p, 10, 10),
                SourceRef = "synthetic [value, target]",
                Provenance = "synthetic",
                ImportId = 1,
            });
        }

        return measure;
    }
}
