using System.Globalization;
using PprrBot.Data.Finance;

namespace PprrBot.Conversation;

/// <summary>
/// The items an answer is about, in the question set's notation: measure codes, P1..P5, FIN:line or service,
/// SAV:period, contact roles, MEET:yyyy-MM-dd. `ask --json` prints these so accuracy can be measured.
/// </summary>
internal static class QuestionCodes
{
    public static string Name(Intent intent) => intent switch
    {
        Intent.MeasureLookup => "measure_lookup",
        Intent.Trend => "trend",
        Intent.Comparison => "comparison",
        Intent.Definition => "definition",
        Intent.RagFilter => "rag_filter",
        Intent.PrioritySummary => "priority_summary",
        Intent.ChairBrief => "chair_brief",
        Intent.Finance => "finance",
        Intent.Savings => "savings",
        Intent.ContactLookup => "contact_lookup",
        Intent.RouteQuestion => "route_question",
        Intent.Meeting => "meeting",
        Intent.Help => "help",
        _ => "out_of_scope",
    };

    public static IReadOnlyList<string> For(Question question) => question.Intent switch
    {
        Intent.MeasureLookup or Intent.Trend or Intent.Comparison or Intent.Definition => question.Measures.Select(m => m.Code).ToList(),
        Intent.RagFilter or Intent.PrioritySummary => question.Priorities.Select(p => "P" + p.ToString(CultureInfo.InvariantCulture)).ToList(),
        Intent.Finance => FinanceCodes(question),
        Intent.Savings => question.SavingsPeriod is null ? [] : ["SAV:" + question.SavingsPeriod],
        Intent.ContactLookup or Intent.RouteQuestion => question.Contacts.Select(c => c.Role).ToList(),
        Intent.Meeting => question.Meeting is { } meeting ? ["MEET:" + meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : [],
        _ => [],
    };

    private static List<string> FinanceCodes(Question question)
    {
        if (question.FinanceService is not null)
        {
            return ["FIN:" + question.FinanceService];
        }

        return question.FinanceLines.Select(l => "FIN:" + (l.IsPortfolioTotal ? FinanceLine.PortfolioTotalService : l.Line)).Distinct().ToList();
    }
}
