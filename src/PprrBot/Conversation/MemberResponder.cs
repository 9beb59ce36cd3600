using System.Text.Json;
using PprrBot.Cards;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Summaries;

namespace PprrBot.Conversation;

/// <summary>
/// Answers what members type, and the card buttons they press (Action.Submit data with a "pprr" verb).
/// Answers come from the in-memory snapshot, so they never wait on the database; routing (questions to officers,
/// "my questions") goes to the Routing feature when it is registered.
/// </summary>
internal sealed class MemberResponder(
    PprrSnapshotStore store,
    QuestionAnswerer answerer,
    ILogger<MemberResponder> logger,
    RoutingService? routing = null,
    ChairBriefResponder? briefs = null,
    MeetingPackOffer? meetingPack = null) : IMessageResponder
{
    public async ValueTask<IReadOnlyList<BotMessage>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (routing is not null && await RouteAsync(message, cancellationToken) is { } routed)
        {
            ConversationLog.Routed(logger, message.ConversationId, message.ActivityId);
            return [routed];
        }

        if (meetingPack is not null && message.Value is null && await meetingPack.TryOfferFromTextAsync(message, cancellationToken) is { } pack)
        {
            return [pack];
        }

        var snapshot = store.Current;
        var answer = message.Value is { ValueKind: JsonValueKind.Object } value && CardVerb(value) is { } verb
            ? Button(verb, value, snapshot)
            : await answerer.RespondAsync(message.Text, snapshot, cancellationToken);

        if (routing is not null && answer.Question is { Intent: Intent.RouteQuestion, NeedsClarification: false } reading)
        {
            // The reading chose the officer (routing's chooser) and the measure: the member confirms on routing's card.
            ConversationLog.Answered(logger, message.ConversationId, message.ActivityId, answer.Intent, answer.Codes);
            return [await routing.StartFromTextAsync(message.From, message.Text, reading.Measures.Count > 0 ? reading.Measures[0].Code : null, reading.Contacts.Count > 0 ? reading.Contacts[0].Role : null, cancellationToken)];
        }

        ConversationLog.Answered(logger, message.ConversationId, message.ActivityId, answer.Intent, answer.Codes);
        if (briefs is not null && answer.Question.Intent == Intent.ChairBrief)
        {
            // The chair's brief adds tonight's routed questions and, when configured, the model's checked wording.
            return [await briefs.RespondAsync(answer.Question, cancellationToken)];
        }

        return answer.Messages;
    }

    /// <summary>Routing's card buttons ({"pprr": "route.*"}) and its lists ("my questions"); null for anything else.</summary>
    private async ValueTask<BotMessage?> RouteAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        message.Value is { ValueKind: JsonValueKind.Object } value
            ? CardVerb(value)?.StartsWith("route.", StringComparison.Ordinal) == true ? await routing!.TryHandleSubmitAsync(message, cancellationToken) : null
            : await routing!.TryListFromTextAsync(message, cancellationToken);

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
