using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>What a measure means, in plain words, with its source, unit and polarity.</summary>
internal static class DefinitionCard
{
    public static BotMessage Build(PprrSnapshot snapshot, MeasureView measure)
    {
        var m = measure.Measure;
        var definition = m.Definition ?? "No definition is held for this measure; the performance officer can explain it.";
        var rating = m.Polarity == Polarity.Context
            ? "Not rated: it describes demand or need, so it has no target."
            : $"Rated against a target: {MeasureWording.PolarityWords(m.Polarity)}.";
        var shownAs = $"Shown as {MeasureWording.UnitWords(m.Unit)}.";

        var document = new CardDocument(snapshot);
        document.Add(Heading($"What {measure.Code} means", size: "Medium"));
        document.Add(Text(measure.Name, weight: "Bolder", spacing: "Small"));
        document.Add(Text(MeasureWording.PriorityLine(measure.Priority), size: "Small", subtle: true, spacing: "None"));
        document.Add(Text(definition, spacing: "Medium"));
        document.Add(Facts(
            [
                ("Unit", MeasureWording.UnitWords(m.Unit)),
                ("Rating", rating),
                ("Definition", DefinitionSource(m.DefinitionProvenance, m.DefinitionSourceRef)),
                ("Owner", m.OwnerRole),
            ],
            spacing: "Medium"));

        document.Action(Submit("Show the figure", CardData.Show(measure.Code)));
        document.Action(Submit("Trend", CardData.Trend(measure.Code)));
        document.Action(Submit("Ask the officer", CardData.RouteStart(measure.Code)));

        return document.ToMessage(
            $"{measure.Code}, {UkFormat.SpokenText(measure.Name)}. {UkFormat.SpokenText(definition)} {shownAs} {rating}",
            $"{measure.Code} {measure.Name}: {definition} {rating}",
            $"What {measure.Code} means: {measure.Name}");
    }

    private static string DefinitionSource(string? provenance, string? sourceRef)
    {
        var words = provenance?.ToLowerInvariant() switch
        {
            "national" => "Follows the national statistic's definition",
            "national+research" => "Follows the national statistic's definition; the code is a real Stockport code",
            "sample" => "A local definition made for this sample data set",
            null or "" => "Source not recorded",
            var other => other,
        };
        return string.IsNullOrWhiteSpace(sourceRef) || sourceRef == "sample" ? words : $"{words} (reference {sourceRef})";
    }
}
