using PprrBot.Protocol;

namespace PprrBot.Conversation;

/// <summary>Placeholder until question answering lands: every message gets the help text.</summary>
internal sealed class HelpResponder : IMessageResponder
{
    private const string HelpText =
        "I'm PprrBot. Ask me about the Children, Family Services & Education performance report: " +
        "a measure (\"persistent absence for SEN\"), what is red, the budget, savings, who to contact, " +
        "or send a question to an officer before the meeting.";

    public ValueTask<IReadOnlyList<BotMessage>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<BotMessage>>([BotMessage.Plain(HelpText)]);

    public IReadOnlyList<BotMessage> Welcome() => [BotMessage.Plain(HelpText)];
}
