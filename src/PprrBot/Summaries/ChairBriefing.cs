using System.Text;
using PprrBot.Cards;

namespace PprrBot.Summaries;

/// <summary>
/// The chair's summary in words: the template briefing a chair can read aloud, and the fact sheet (every figure
/// in every form the cards use) that the optional model is given and its wording is checked against.
/// </summary>
internal static class ChairBriefing
{
    /// <summary>The plain-English briefing: counts, each exception with its reason, money, savings and questions.</summary>
    public static string Template(ChairSummary summary)
    {
        var text = new StringBuilder();
        text.Append(Opening(summary)).Append(' ');
        var measures = summary.Counts.Sum(c => c.Measures);
        text.Append(UkFormat.Culture, $"Of {measures} measures: {ChairSummary.CountWords(summary.Counts)}.");

        if (summary.Exceptions.Count == 0)
        {
            text.Append(summary.Request.IncludeAmber ? " No measure is rated Red or Amber." : " No measure is rated Red.");
        }

        foreach (var e in summary.ShownExceptions)
        {
            text.Append(' ').Append(e.Measure.Code).Append(", ").Append(UkFormat.SpokenText(e.Measure.Name)).Append(". ")
                .Append(e.Reason.Spoken).Append('.');
            if (e.Reason.OfficerReason is { } officer)
            {
                text.Append(' ').Append(UkFormat.SpokenText(officer));
            }
        }

        if (summary.ExceptionsCut is { } cut)
        {
            text.Append(' ').Append(cut);
        }

        if (summary.Budget is { } budget)
        {
            text.Append(' ').Append(SpokenBudget(budget));
        }

        if (summary.Savings is { } savings)
        {
            text.Append(UkFormat.Culture, $" Savings {savings.Period}: a shortfall of {UkFormat.SpokenMoney(savings.Shortfall)} against a target of {UkFormat.SpokenMoney(savings.Target)}; {savings.AtRisk.Count} of {savings.SchemeCount} schemes at risk.");
        }

        if (summary.Questions is { } questions)
        {
            text.Append(UkFormat.Culture, $" Questions routed for the meeting on {UkFormat.Date(questions.Meeting.Date)}: {questions.Open.Count} open, {questions.Overdue.Count} overdue, {questions.Answered.Count} answered.");
        }

        return text.ToString();
    }

    /// <summary>Every figure of the summary, labelled, in written and spoken forms. The model's only source.</summary>
    public static string Facts(ChairSummary summary)
    {
        var facts = new StringBuilder();
        facts.AppendLine(Opening(summary));
        foreach (var c in summary.Counts)
        {
            facts.AppendLine(UkFormat.Culture, $"{c.Priority.Label} ({c.Priority.Title}): {c.Measures} measures; {ChairSummary.CountWords([c])}.");
        }

        facts.AppendLine(UkFormat.Culture, $"All priorities: {summary.Counts.Sum(c => c.Measures)} measures; {ChairSummary.CountWords(summary.Counts)}.");
        foreach (var e in summary.Exceptions)
        {
            var unit = e.Measure.Measure.Unit;
            facts.Append(UkFormat.Culture, $"{e.Measure.Code} {e.Measure.Name} ({e.Row.Period}): {RagWording.Word(e.Row.ReportedRag)}; value {MeasureWording.ValueOrNone(e.Row, unit)}");
            if (e.Row.Target is { } target)
            {
                facts.Append(UkFormat.Culture, $"; target {UkFormat.Value(target, unit)}");
            }

            facts.Append("; reason: ").Append(e.Reason.Text);
            facts.Append(" (spoken: ").Append(e.Reason.Spoken).Append(')');
            if (e.Reason.OfficerReason is { } officer)
            {
                facts.Append("; officers' reason: ").Append(officer);
            }

            facts.Append("; commentary: ").Append(e.Row.Commentary ?? "none").AppendLine();
        }

        if (summary.Budget is { } budget)
        {
            if (budget.Total is { } total)
            {
                facts.AppendLine(MoneyFact($"Cash limit {budget.Period} budget", total.Budget));
                facts.AppendLine(MoneyFact($"Cash limit {budget.Period} {Outturn(budget)}", total.ForecastOutturn));
                facts.AppendLine(MoneyFact($"Cash limit {budget.Period} variance", total.Variance));
            }

            foreach (var line in budget.Grant)
            {
                facts.AppendLine(MoneyFact($"Dedicated Schools Grant (outside the cash limit), {line.Line}, variance", line.Variance));
            }

            foreach (var line in budget.LargestVariances)
            {
                facts.AppendLine(MoneyFact($"{line.Line} ({line.Service}) variance", line.Variance) + $"; commentary: {line.Commentary ?? "none"}");
            }
        }

        if (summary.Savings is { } savings)
        {
            facts.AppendLine(UkFormat.Culture, $"Savings {savings.Period}: {savings.SchemeCount} schemes; {savings.Counts}; {savings.AtRisk.Count} at risk.");
            facts.AppendLine(MoneyFact("Savings target", savings.Target));
            facts.AppendLine(MoneyFact("Savings achieved or forecast", savings.Achieved));
            facts.AppendLine(MoneyFact("Savings shortfall", savings.Shortfall));
            foreach (var s in savings.AtRisk)
            {
                facts.AppendLine(MoneyFact($"{s.Scheme} ({s.Rag}) shortfall", s.Shortfall) + $"; target {UkFormat.Money(s.Target)}; forecast {UkFormat.Money(s.ForecastAchieved)}");
            }
        }

        if (summary.Questions is { } q)
        {
            facts.AppendLine(UkFormat.Culture, $"Routed questions for {UkFormat.Date(q.Meeting.Date)}: {q.Open.Count} open, {q.Overdue.Count} overdue, {q.Answered.Count} answered.");
        }

        return facts.ToString();
    }

    /// <summary>"Budget 2020/21 Q2: cash limit budget 61.37 million pounds, forecast out-turn ..., an overspend of ...".</summary>
    public static string SpokenBudget(BudgetPosition budget)
    {
        var text = new StringBuilder();
        if (budget.Total is { } total)
        {
            text.Append(UkFormat.Culture, $"Budget {budget.Period}: cash limit budget {UkFormat.SpokenMoney(total.Budget)}, {Outturn(budget)} {UkFormat.SpokenMoney(total.ForecastOutturn)}, {UkFormat.SpokenVariance(total.Variance)}.");
        }

        if (budget.LargestVariances.Count > 0)
        {
            text.Append(" Largest variances: ").Append(string.Join("; ", budget.LargestVariances.Select(l => $"{l.Line}, {UkFormat.SpokenVariance(l.Variance)}"))).Append('.');
        }

        if (budget.Grant.Count > 0)
        {
            text.Append(" Dedicated Schools Grant, reported separately: ").Append(string.Join("; ", budget.Grant.Select(l => $"{l.Line}, {UkFormat.SpokenVariance(l.Variance)}"))).Append('.');
        }

        return text.ToString().Trim();
    }

    public static string Outturn(BudgetPosition budget) => budget.IsForecast ? "forecast out-turn" : "out-turn";

    private static string Opening(ChairSummary summary)
    {
        var scope = summary.Request.Report is { } report ? report : "the current position";
        var priorities = summary.Request.Priorities is { Count: > 0 } p && p.Count < summary.Snapshot.Priorities.Count
            ? " for " + (p.Count == 1 ? $"Priority {p[0]}" : "Priorities " + string.Join(", ", p))
            : "";
        var meeting = summary.Meeting is { } m && summary.Request.Report is not null
            ? $", for the {m.Committee} on {UkFormat.Date(m.Date)}"
            : "";
        return $"Briefing on {scope}{priorities}{meeting}.";
    }

    private static string MoneyFact(string label, decimal pounds) =>
        $"{label}: {UkFormat.Money(pounds)} (short {UkFormat.MoneyShort(pounds)}; spoken {UkFormat.SpokenMoney(pounds)}; as a variance {UkFormat.Variance(pounds)}, {UkFormat.VarianceShort(pounds)})";
}
