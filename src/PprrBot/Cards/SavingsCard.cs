using PprrBot.Data.Finance;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// The savings programme for one period: each scheme's target, achieved (or forecast) saving, shortfall and
/// rating, and the programme totals. Schemes are stacked rather than tabled, so they read on a phone.
/// </summary>
internal static class SavingsCard
{
    /// <param name="schemes">The schemes to list (e.g. only the Red ones); null for every scheme in the period.
    /// The totals always cover every scheme in the period.</param>
    public static BotMessage Build(PprrSnapshot snapshot, string period, IReadOnlyList<SavingsScheme>? schemes = null)
    {
        var all = snapshot.Savings.Where(s => string.Equals(s.Period, period, StringComparison.OrdinalIgnoreCase)).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException($"No savings schemes are held for {period}.", nameof(period));
        }

        var shown = schemes ?? all;
        var forecast = period.Contains(" Q", StringComparison.Ordinal);
        var achievedWord = forecast ? "forecast" : "achieved";
        var target = all.Sum(s => s.Target);
        var achieved = all.Sum(s => s.ForecastAchieved);
        var shortfall = all.Sum(s => s.Shortfall);
        var counts = RagWording.Counts(all.Select(s => (Data.Measures.Rag?)s.Rag));

        var document = new CardDocument(snapshot);
        document.Add(Heading($"Savings programme {period}", size: "Large"));
        document.Add(Text(forecast ? "Forecast for the year at quarter 2." : "Final position for the year.", size: "Small", subtle: true, spacing: "None"));
        document.Add(Container(
            [
                Text($"{all.Count} schemes: {counts}", weight: "Bolder"),
                Facts(
                    [
                        ("Target", UkFormat.Money(target)),
                        (forecast ? "Forecast to be achieved" : "Achieved", UkFormat.Money(achieved)),
                        ("Shortfall", UkFormat.Money(shortfall)),
                    ],
                    spacing: "Small"),
            ],
            style: "emphasis",
            spacing: "Medium"));

        if (shown.Count < all.Count)
        {
            document.Add(Heading($"{shown.Count} of {all.Count} schemes", size: "Default", spacing: "Large"));
        }
        else
        {
            document.Add(Heading("Schemes", size: "Default", spacing: "Large"));
        }

        document.AddRange(shown.Select(s => Scheme(s, achievedWord)));
        document.Add(Text(MeasureWording.ImportLine(snapshot, all[0].ImportId) + ".", size: "Small", subtle: true, spacing: "Medium"));
        document.Action(Submit("Ask the finance officer", CardData.RouteStart(period: period, role: shown.Count > 0 ? shown[0].OwnerRole : null)));
        document.Action(Submit("Budget", CardData.Ask($"What is the budget position for {period}?")));

        var spoken = $"Savings programme {period}: {all.Count} schemes, target {UkFormat.SpokenMoney(target)}, {achievedWord} {UkFormat.SpokenMoney(achieved)}, shortfall {UkFormat.SpokenMoney(shortfall)}. {counts}.";
        var written = $"Savings {period}: {all.Count} schemes, target {UkFormat.Money(target)}, {achievedWord} {UkFormat.Money(achieved)}, shortfall {UkFormat.Money(shortfall)}; {counts}.";
        return document.ToMessage(spoken, written, $"Savings {period}: shortfall {UkFormat.MoneyShort(shortfall)} ({counts})");
    }

    private static CardObject Scheme(SavingsScheme scheme, string achievedWord)
    {
        var items = new List<CardObject>
        {
            Columns(
                [
                    Column(
                        [
                            Text(scheme.Scheme, weight: "Bolder"),
                            Text($"Target {UkFormat.Money(scheme.Target)} · {achievedWord} {UkFormat.Money(scheme.ForecastAchieved)} · shortfall {UkFormat.Money(scheme.Shortfall)}", spacing: "None"),
                        ]),
                    Column(
                        [Container([Text(scheme.Rag.ToString(), weight: "Bolder")], style: RagWording.ContainerStyle(scheme.Rag))],
                        width: "auto"),
                ]),
        };
        if (!string.IsNullOrWhiteSpace(scheme.Commentary))
        {
            items.Add(Text(scheme.Commentary, size: "Small", subtle: true, spacing: "Small"));
        }

        return Container(items, separator: true, spacing: "Medium");
    }
}
