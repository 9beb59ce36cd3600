using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PprrBot.Data;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiOptions>().BindConfiguration("Ai").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Answers come from the data feature's snapshot; an empty one when the bot runs without data (tests, tools).
        builder.Services.TryAddSingleton<PprrSnapshotStore>();
        builder.Services.AddSingleton(FieldVocabulary.Default);
        builder.Services.AddSingleton(IntentCues.Default);
        builder.Services.AddSingleton<QuestionInterpreter>();
        builder.Services.AddSingleton(services => new QuestionAnswerer(
            services.GetRequiredService<QuestionInterpreter>(),
            services.GetService<IChatClient>() is null ? null : ActivatorUtilities.CreateInstance<ModelQuestionReader>(services),
            services.GetService<DeadlineCalculator>()));
        // It hands routing requests to the Routing feature's service when that is registered.
        builder.Services.AddSingleton<IMessageResponder, MemberResponder>();
        PprrDataReadiness.TryAddReady(builder.Services);
        builder.Services.AddHostedService<AnsweringWarmUp>();

        // The model is optional help: registered only when configured, so nothing depends on it.
        var ai = builder.Configuration.GetSection("Ai").Get<AiOptions>() ?? new AiOptions();
        if (ai.IsConfigured)
        {
            builder.Services.TryAddSingleton(services => ChatClient(services.GetRequiredService<IOptions<AiOptions>>().Value));
        }

        return builder;
    }

    internal static IChatClient ChatClient(AiOptions options)
    {
        var endpoint = new Uri(options.Endpoint!);
        var client = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential())
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey));
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }
}
