using System.Text.Json;
using PprrBot.Cards;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Conversation;

/// <summary>
/// Answers what members type, and the card buttons they press (Action.Submit data with a "pprr" verb).
/// Reads the in-memory snapshot only, so an answer never waits on the database.
/// </summary>
internal sealed class MemberResponder(PprrSnapshotStore store, QuestionAnswerer answerer, ILogger<MemberResponder> logger) : IMessageResponder
{
    public async ValueTask<IReadOnlyList<BotMessage>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var snapshot = store.Current;
        var answer = message.Value is { ValueKind: JsonValueKind.Object } value && CardVerb(value) is { } verb
            ? Button(verb, value, snapshot)
            : await answerer.RespondAsync(message.Text, snapshot, cancellationToken);

        ConversationLog.Answered(logger, message.ConversationId, message.ActivityId, answer.Intent, answer.Codes);
        return answer.Messages;
    }

    public IReadOnlyList<BotMessage> Welcome() => [HelpCard.Build(store.Current.PortfolioName)];

    private Answer Button(string verb, JsonElement value, PprrSnapshot snapshot)
    {
        var code = Text(value, "code");
        var measure = code is null ? null : snapshot.Measure(code);
        switch (verb)
        {
            case "show" when measure is not null:
                return QuestionAnswerer.Compose(new Question(Intent.MeasureLookup, code!) { Measures = [measure] }, snapshot);
            case "trend" when measure is not null:
                return QuestionAnswerer.Compose(new Question(Intent.Trend, code!) { Measures = [measure] }, snapshot);
            case "related" when measure is not null:
                return QuestionAnswerer.Compose(new Question(Intent.PrioritySummary, code!) { Priorities = [measure.Priority.Number] }, snapshot);
            case "ask" when Text(value, "text") is { } text:
                return answerer.Respond(text, snapshot);
            default:
                return QuestionAnswerer.Compose(new Question(Intent.Help, verb), snapshot);
        }
    }

    private static string? CardVerb(JsonElement value) => Text(value, CardData.Key);

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
