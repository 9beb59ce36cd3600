using PprrBot.Data.Finance;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// Budget, out-turn (or forecast out-turn) and variance for one period. The lines asked about come first
/// with their commentary; then the cash-limit lines with the data's own cash-limit total row; then the
/// Dedicated Schools Grant apart, because it is ring-fenced and never part of the cash limit. No figure is
/// added up here: every total shown is a row of the data.
/// </summary>
internal static class FinanceCard
{
    private static readonly (double Width, string Align)[] TableColumns = [(2.3, "Left"), (1.7, "Right"), (1.7, "Right"), (1.7, "Right")];

    /// <param name="period">2019/20 (out-turn) or 2020/21 Q2 (forecast out-turn).</param>
    /// <param name="askedAbout">The lines or total the member asked about; empty for the whole portfolio.</param>
    public static BotMessage Build(PprrSnapshot snapshot, string period, IReadOnlyList<FinanceLine> askedAbout)
    {
        var lines = snapshot.Finance.Where(f => string.Equals(f.Period, period, StringComparison.OrdinalIgnoreCase)).ToList();
        if (lines.Count == 0)
        {
            throw new ArgumentException($"No finance lines are held for {period}.", nameof(period));
        }

        var forecast = lines[0].Report.StartsWith("Mid-Year", StringComparison.OrdinalIgnoreCase) || period.Contains(" Q", StringComparison.Ordinal);
        var outturnLabel = forecast ? "Forecast out-turn" : "Out-turn";
        var cashLimit = lines.Where(f => !f.IsPortfolioTotal && !f.IsDedicatedSchoolsGrant).ToList();
        var total = lines.FirstOrDefault(f => f.IsPortfolioTotal);
        var grant = lines.Where(f => f.IsDedicatedSchoolsGrant).ToList();
        var focus = askedAbout.Count > 0 ? askedAbout : total is null ? [] : [total];

        var document = new CardDocument(snapshot, fullWidth: true);
        document.Add(Heading($"Budget {period}: {outturnLabel.ToLowerInvariant()}", size: "Large"));
        document.Add(Text($"{lines[0].Report} · {lines[0].Portfolio}", size: "Small", subtle: true, spacing: "None"));

        foreach (var line in focus)
        {
            document.Add(Container(
                [
                    Text(line.IsPortfolioTotal ? line.Line : $"{line.Line} ({line.Service})", weight: "Bolder"),
                    Facts(
                        [
                            ("Budget", UkFormat.Money(line.Budget)),
                            (outturnLabel, UkFormat.Money(line.ForecastOutturn)),
                            ("Variance", UkFormat.Variance(line.Variance)),
                        ],
                        spacing: "Small"),
                    Text(line.Commentary ?? "No commentary is held for this line.", size: "Small", spacing: "Small"),
                ],
                style: "emphasis",
                spacing: "Medium"));
        }

        string[] header = ["Line", "Budget", forecast ? "Forecast" : "Out-turn", "Variance"];
        document.Add(Heading("Cash limit (the portfolio's net budget)", size: "Default", separator: true, spacing: "Large"));
        var cashRows = cashLimit.Select(l => LineRow(l, bold: false)).ToList();
        if (total is not null)
        {
            cashRows.Add(LineRow(total, bold: true));
        }

        document.Add(Table(TableColumns, header, cashRows, FallbackList(total is null ? cashLimit : [.. cashLimit, total], outturnLabel)));

        if (grant.Count > 0)
        {
            document.Add(Heading("Dedicated Schools Grant (ring-fenced)", size: "Default", separator: true, spacing: "Large"));
            document.Add(Text("Reported outside the cash limit and not included in the cash limit total.", size: "Small", subtle: true, spacing: "None"));
            document.Add(Table(TableColumns, header, grant.Select(l => LineRow(l, bold: false)).ToList(), FallbackList(grant, outturnLabel)));
        }

        if (askedAbout.Count == 0)
        {
            document.AddRange(VarianceReasons(cashLimit.Concat(grant)));
        }

        document.Add(Text("Variance: + is an overspend, − an underspend. " + MeasureWording.ImportLine(snapshot, lines[0].ImportId) + ".", size: "Small", subtle: true, spacing: "Medium"));

        var owner = focus.Count > 0 ? focus[0].OwnerRole.Split(';')[0].Trim() : null;
        document.Action(Submit("Ask the finance officer", CardData.RouteStart(period: period, role: owner)));
        document.Action(Submit("Savings", CardData.Ask($"How is the savings programme going in {period}?")));

        var spokenFocus = string.Join(" ", focus.Select(l =>
            $"{l.Line}: budget {UkFormat.SpokenMoney(l.Budget)}, {outturnLabel.ToLowerInvariant()} {UkFormat.SpokenMoney(l.ForecastOutturn)}, {UkFormat.SpokenVariance(l.Variance)}."));
        var spokenGrant = grant.Count == 0 ? "" :
            " Dedicated Schools Grant, reported separately: " + string.Join("; ", grant.Select(l => $"{l.Line}, {UkFormat.SpokenVariance(l.Variance)}")) + ".";
        var writtenFocus = string.Join(" ", focus.Select(l =>
            $"{l.Line} {period}: budget {UkFormat.Money(l.Budget)}, {outturnLabel.ToLowerInvariant()} {UkFormat.Money(l.ForecastOutturn)}, variance {UkFormat.Variance(l.Variance)}."));
        var summary = focus.Count > 0
            ? $"{focus[0].Line} {period}: {UkFormat.VarianceShort(focus[0].Variance)}"
            : $"Budget {period}";
        return document.ToMessage($"Budget {period}. {spokenFocus}{spokenGrant}", writtenFocus, summary);
    }

    /// <summary>The commentary behind each line that is off budget, largest variance first, with its service.</summary>
    private static IEnumerable<CardObject> VarianceReasons(IEnumerable<FinanceLine> lines)
    {
        var explained = lines.Where(l => l.Variance != 0 && !string.IsNullOrWhiteSpace(l.Commentary)).OrderByDescending(l => Math.Abs(l.Variance)).ToList();
        if (explained.Count == 0)
        {
            yield break;
        }

        yield return Heading("Why lines are off budget", size: "Default", separator: true, spacing: "Large");
        foreach (var line in explained)
        {
            yield return Text($"**{line.Line}** ({line.Service}, {UkFormat.Variance(line.Variance)}): {line.Commentary}", size: "Small", spacing: "Small");
        }
    }

    private static TableRowSpec LineRow(FinanceLine line, bool bold)
    {
        var weight = bold ? "Bolder" : null;
        return new TableRowSpec(
            [
                Text(line.IsPortfolioTotal ? "Cash limit total" : line.Line, weight: weight),
                Text(UkFormat.Money(line.Budget), weight: weight),
                Text(UkFormat.Money(line.ForecastOutturn), weight: weight),
                Text(UkFormat.SignedMoney(line.Variance), weight: weight),
            ]);
    }

    private static CardObject FallbackList(IEnumerable<FinanceLine> lines, string outturnLabel) =>
        Container([Text(string.Join("\n", lines.Select(l =>
            $"- **{(l.IsPortfolioTotal ? "Cash limit total" : l.Line)}**: budget {UkFormat.Money(l.Budget)}, {outturnLabel.ToLowerInvariant()} {UkFormat.Money(l.ForecastOutturn)}, {UkFormat.Variance(l.Variance)}")))]);
}
