using PprrBot.Cards;
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
            ("measure-judgement", MeasureCard.Build(s, Current("CFE29").Measure, Current("CFE29").Row)),
            ("measure-context", MeasureCard.Build(s, Current("CFE17").Measure, Current("CFE17").Row)),
            ("measure-multiple", MeasureCard.Build(s, [Current("CFE06"), Current("CFE07")])),
            ("list-all", ListCard.Build(s, "All measures, latest position", s.Measures.Select(m => Current(m.Code)).ToList())),
            ("list-red", ListCard.Build(s, "Red measures", s.Measures.Select(m => Current(m.Code)).Where(x => x.Row.ReportedRag == Data.Measures.Rag.Red).ToList())),
        ];
    }

    public static MeasureSelection Current(string code)
    {
        var measure = Snapshot.Measure(code)!;
        return new MeasureSelection(measure, measure.Current!);
    }
}
