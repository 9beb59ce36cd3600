using PprrBot.Protocol;

namespace PprrBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(FieldVocabulary.Default);
        builder.Services.AddSingleton(IntentCues.Default);
        builder.Services.AddSingleton<QuestionInterpreter>();
        builder.Services.AddSingleton<QuestionAnswerer>();
        builder.Services.AddSingleton<IMessageResponder, MemberResponder>();
        return builder;
    }
}
