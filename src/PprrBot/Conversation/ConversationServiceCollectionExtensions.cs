using PprrBot.Protocol;

namespace PprrBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMessageResponder, HelpResponder>();
        return builder;
    }
}
