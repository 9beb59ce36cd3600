using PprrBot.Cards;
using PprrBot.Data.Measures;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Summaries;

/// <summary>
/// The chair's exception summary as one card: ratings per priority, each exception with its reason and commentary,
/// the budget position, savings at risk and the routed questions. <c>speak</c> is the briefing.
/// </summary>
internal static class ChairSummaryCard
{
    /// <param name="briefing">The text read aloud: the template, or the model's wording once checked.</param>
    public static BotMessage Build(ChairSummary summary, string? briefing = null)
    {
        var snapshot = summary.Snapshot;
        var document = new CardDocument(snapshot);
        document.Add(Heading($"Chair's briefing: {summary.Scope}", size: "Large"));
        if (summary.Meeting is { } meeting)
        {
            document.Add(Text($"{meeting.Committee}, {UkFormat.Date(meeting.Date)}" + (meeting.Time is { } t ? $" at {UkFormat.Time(t)}" : ""), size: "Small", subtle: true, spacing: "None"));
        }

        document.Add(Heading("Ratings by priority", size: "Default", spacing: "Medium"));
        // One line per priority: a FactSet's narrow title column would break "Priority 1" over two lines on a phone.
        document.Add(Text(string.Join("\n", summary.Counts.Select(c => $"**{c.Priority.Label}**: {ChairSummary.CountWords([c])}")), spacing: "Small"));
        document.Add(Text($"All: {ChairSummary.CountWords(summary.Counts)}", weight: "Bolder", spacing: "Small"));

        var exceptionTitle = summary.Request.IncludeAmber ? "Red and Amber measures" : "Red measures";
        document.Add(Heading($"{exceptionTitle} ({summary.Exceptions.Count})", size: "Default", separator: true, spacing: "Large"));
        if (summary.Exceptions.Count == 0)
        {
            document.Add(Text(summary.Request.IncludeAmber ? "No measure is rated Red or Amber." : "No measure is rated Red."));
        }

        document.AddRange(summary.ShownExceptions.Select(Exception));
        if (summary.ExceptionsCut is { } cut)
        {
            document.Add(Text(cut, weight: "Bolder", spacing: "Medium"));
        }

        if (summary.Budget is { } budget)
        {
            document.AddRange(Budget(budget));
        }

        if (summary.Savings is { } savings)
        {
            document.AddRange(Savings(savings));
        }

        if (summary.Questions is { } questions)
        {
            document.AddRange(Questions(questions));
        }

        document.Add(Text("Source: " + MeasureWording.ImportLine(snapshot, null) + ".", size: "Small", subtle: true, spacing: "Medium"));
        document.Action(Submit("What changed", CardData.Ask("What changed since the last report?")));
        if (summary.Budget is { } b)
        {
            document.Action(Submit("Budget", CardData.Ask($"What is the budget position for {b.Period}?")));
        }

        if (!summary.Request.IncludeAmber)
        {
            document.Action(Submit("Include Amber", CardData.Ask("Brief me including amber" + (summary.Request.Report is { } r ? $" for the {r}" : ""))));
        }

        var speak = briefing ?? ChairBriefing.Template(summary);
        var fallback = $"Chair's briefing ({summary.Scope}): {ChairSummary.CountWords(summary.Counts)}. "
            + (summary.Exceptions.Count == 0 ? "" : "Exceptions: " + string.Join("; ", summary.ShownExceptions.Select(e => $"{e.Measure.Code} {RagWording.Word(e.Row.ReportedRag)}")) + ". ")
            + (summary.ExceptionsCut is { } shownOnly ? shownOnly + " " : "")
            + (summary.Budget?.Total is { } total ? $"Cash limit variance {UkFormat.Variance(total.Variance)}. " : "")
            + (summary.Savings is { } s ? $"Savings shortfall {UkFormat.Money(s.Shortfall)}." : "");
        var red = summary.Count(Rag.Red);
        return document.ToMessage(speak, fallback.Trim(), $"Chair's briefing: {red} Red" + (summary.Budget?.Total is { } t2 ? $", {UkFormat.VarianceShort(t2.Variance)}" : ""));
    }

    private static CardObject Exception(ExceptionMeasure e)
    {
        var unit = e.Measure.Measure.Unit;
        var rating = e.Row.ReportedRag;
        var figures = $"{MeasureWording.ValueOrNone(e.Row, unit)} ({e.Row.Period})" + (e.Row.Target is { } target ? $", target {UkFormat.Value(target, unit)}" : "");
        var items = new List<CardObject>
        {
            Columns(
                [
                    Column([Text($"**{e.Measure.Code}** {e.Measure.Name}"), Text(figures, spacing: "None")]),
                    Column([Container([Text(RagWording.Word(rating), weight: "Bolder")], style: RagWording.ContainerStyle(rating))], width: "auto"),
                ]),
            Text(e.Reason.Text, size: "Small", spacing: "Small"),
        };
        if (e.Reason.OfficerReason is { } officer)
        {
            items.Add(Text(officer, size: "Small", spacing: "Small"));
        }
        else if (!string.IsNullOrWhiteSpace(e.Row.Commentary))
        {
            items.Add(Text(e.Row.Commentary, size: "Small", subtle: true, spacing: "Small"));
        }

        return Container(items, separator: true, spacing: "Medium");
    }

    private static IEnumerable<CardObject> Budget(BudgetPosition budget)
    {
        var outturn = ChairBriefing.Outturn(budget);
        yield return Heading($"Budget {budget.Period}", size: "Default", separator: true, spacing: "Large");
        if (budget.Total is { } total)
        {
            yield return Facts(
                [
                    ("Cash limit budget", UkFormat.Money(total.Budget)),
                    (char.ToUpperInvariant(outturn[0]) + outturn[1..], UkFormat.Money(total.ForecastOutturn)),
                    ("Variance", UkFormat.Variance(total.Variance)),
                ],
                spacing: "Small");
        }

        foreach (var line in budget.LargestVariances)
        {
            yield return Text($"**{line.Line}** ({line.Service}): {UkFormat.Variance(line.Variance)}. {line.Commentary}", size: "Small", spacing: "Small");
        }

        if (budget.Grant.Count > 0)
        {
            yield return Text(
                "Dedicated Schools Grant (ring-fenced, outside the cash limit): " + string.Join("; ", budget.Grant.Select(l => $"{l.Line} {UkFormat.Variance(l.Variance)}")) + ".",
                size: "Small",
                spacing: "Small");
        }
    }

    private static IEnumerable<CardObject> Savings(SavingsAtRisk savings)
    {
        yield return Heading($"Savings at risk {savings.Period}", size: "Default", separator: true, spacing: "Large");
        yield return Text($"{savings.SchemeCount} schemes ({savings.Counts}): target {UkFormat.Money(savings.Target)}, shortfall {UkFormat.Money(savings.Shortfall)}.", spacing: "Small");
        foreach (var scheme in savings.AtRisk)
        {
            yield return Text($"**{scheme.Scheme}** ({scheme.Rag}): shortfall {UkFormat.Money(scheme.Shortfall)} of {UkFormat.Money(scheme.Target)}.", size: "Small", spacing: "Small");
        }
    }

    private static IEnumerable<CardObject> Questions(MeetingQuestions questions)
    {
        yield return Heading($"Questions for the {UkFormat.Date(questions.Meeting.Date)} meeting", size: "Default", separator: true, spacing: "Large");
        yield return Text($"{questions.Open.Count} open, {questions.Overdue.Count} overdue, {questions.Answered.Count} answered.", spacing: "Small");
        foreach (var q in questions.Overdue)
        {
            yield return Text($"**{q.Reference}** overdue since {UkFormat.Date(q.AnswerBy)}" + (q.MeasureCode is { } code ? $" ({code})" : ""), size: "Small", spacing: "Small");
        }
    }
}
