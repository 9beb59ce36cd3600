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
        var question = message.Value is { ValueKind: JsonValueKind.Object } value && CardVerb(value) is { } verb
            ? Button(verb, value, snapshot)
            : await answerer.ReadAsync(message.Text, snapshot, cancellationToken);
        ConversationLog.Answered(logger, message.ConversationId, message.ActivityId, new LoggedReading(question));

        // Routing and the chair's brief answer these readings with cards of their own: nothing is composed for them here.
        if (routing is not null && question is { Intent: Intent.RouteQuestion, NeedsClarification: false })
        {
            // The reading chose the officer (routing's chooser) and the measure: the member confirms on routing's card.
            return [await routing.StartFromTextAsync(message.From, message.Text, question.Measures.Count > 0 ? question.Measures[0].Code : null, question.Contacts.Count > 0 ? question.Contacts[0].Role : null, cancellationToken)];
        }

        if (briefs is not null && question.Intent == Intent.ChairBrief)
        {
            // The chair's brief adds tonight's routed questions and, when configured, the model's checked wording.
            return [await briefs.RespondAsync(question, cancellationToken)];
        }

        return answerer.AnswerTo(question, snapshot).Messages;
    }

    /// <summary>Routing's card buttons ({"pprr": "route.*"}) and its lists ("my questions"); null for anything else.</summary>
    private async ValueTask<BotMessage?> RouteAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        message.Value is { ValueKind: JsonValueKind.Object } value
            ? CardVerb(value)?.StartsWith("route.", StringComparison.Ordinal) == true ? await routing!.TryHandleSubmitAsync(message, cancellationToken) : null
            : await routing!.TryListFromTextAsync(message, cancellationToken);

    public IReadOnlyList<BotMessage> Welcome() => [HelpCard.Build(store.Current.PortfolioName)];

    /// <summary>The reading a card button stands for ("show", "trend", "related", "ask").</summary>
    private Question Button(string verb, JsonElement value, PprrSnapshot snapshot)
    {
        var code = Text(value, "code");
        var measure = code is null ? null : snapshot.Measure(code);
        return verb switch
        {
            "show" when measure is not null => new Question(Intent.MeasureLookup, code!) { Measures = [measure] },
            "trend" when measure is not null => new Question(Intent.Trend, code!) { Measures = [measure] },
            "related" when measure is not null => new Question(Intent.PrioritySummary, code!) { Priorities = [measure.Priority.Number] },
            "ask" when Text(value, "text") is { } text => answerer.Read(text, snapshot),
            _ => new Question(Intent.Help, verb),
        };
    }

    private static string? CardVerb(JsonElement value) => Text(value, CardData.Key);

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
