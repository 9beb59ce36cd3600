using PprrBot.Cards;
using PprrBot.Data.Finance;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Tests.Cards;

/// <summary>
/// One realistic example of every card type, built from the sample data. The structural tests, the schema
/// check, the npm parser check and the rendered images in docs/cards all use this list.
/// </summary>
internal static class CardGallery
{
    public static readonly PprrSnapshot Snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    public static IReadOnlyList<(string Name, BotMessage Message)> All()
    {
        var s = Snapshot;
        return
        [
            ("measure", MeasureCard.Build(s, Current("CFE08").Measure, Current("CFE08").Row)),
            ("chair-brief", PprrBot.Summaries.ChairSummaryCard.Build(PprrBot.Summaries.ChairSummaryBuilder.Summarise(s, new PprrBot.Summaries.ChairBriefRequest("Mid-Year PPRR 2020/21", IncludeAmber: true), s.Meetings.Single(m => m.Date == new DateOnly(2020, 12, 9)), [], new DateOnly(2020, 12, 3)))),
            ("what-changed", PprrBot.Summaries.ReportChangesCard.Build(s)),
            ("measure-judgement", MeasureCard.Build(s, Current("CFE29").Measure, Current("CFE29").Row)),
            ("measure-context", MeasureCard.Build(s, Current("CFE17").Measure, Current("CFE17").Row)),
            ("measure-multiple", MeasureCard.Build(s, [Current("CFE06"), Current("CFE07")])),
            ("list-all", ListCard.Build(s, "All measures, latest position", s.Measures.Select(m => Current(m.Code)).ToList())),
            ("list-red", ListCard.Build(s, "Red measures", s.Measures.Select(m => Current(m.Code)).Where(x => x.Row.ReportedRag == Data.Measures.Rag.Red).ToList())),
            ("trend", TrendCard.Build(s, s.Measure("CFE38")!)),
            ("comparison", ComparisonCard.Build(s, Current("CFE20").Measure, Current("CFE20").Row)),
            ("definition", DefinitionCard.Build(s, s.Measure("CFE08")!)),
            ("definition-context", DefinitionCard.Build(s, s.Measure("CFE17")!)),
            ("did-you-mean", SuggestionCards.DidYouMean(s, "persistent absence for SEN", [s.Measure("CFE34")!, s.Measure("CFE35")!])),
            ("no-match", SuggestionCards.NoMatch(s, "how many youth clubs are open", [s.Measure("CFE05")!, s.Measure("CFE26")!])),
            ("finance", FinanceCard.Build(s, "2020/21 Q2", [Finance("2020/21 Q2", "Placements (looked after children)")])),
            ("finance-total", FinanceCard.Build(s, "2019/20", [])),
            ("savings", SavingsCard.Build(s, "2020/21 Q2")),
            ("contact", ContactCard.Build(s, [s.ContactForRole("CSS Manager (Specialist) Finance - Children's Social Care")!], "the social care budget")),
            ("meeting", MeetingCard.Build(s, s.Meetings.Single(m => m.Date == new DateOnly(2020, 12, 9)), new MeetingDeadline(new DateOnly(2020, 12, 3), new DateOnly(2020, 11, 20)))),
            ("meeting-passed", MeetingCard.Build(s, s.Meetings[^1], new MeetingDeadline(new DateOnly(2021, 6, 10), new DateOnly(2026, 11, 23)))),
            ("help", HelpCard.Build(Snapshot.PortfolioName)),
            ("out-of-scope", HelpCard.OutOfScope(Snapshot.PortfolioName)),
        ];
    }

    public static FinanceLine Finance(string period, string line) =>
        Snapshot.Finance.Single(f => f.Period == period && f.Line == line);

    public static MeasureSelection Current(string code)
    {
        var measure = Snapshot.Measure(code)!;
        return new MeasureSelection(measure, measure.Current!);
    }
}
