using Microsoft.Extensions.DependencyInjection.Extensions;
using PprrBot.Protocol;

namespace PprrBot.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>
    /// Chair briefs, what changed, and the meeting pack (offer and upload). Needs IRoutingStore (data feature),
    /// RoutingAccess (AddRouting) and IConversationSender (Protocol); an IChatClient (Conversation, when Ai is configured) is optional.
    /// </summary>
    public static IHostApplicationBuilder AddSummaries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SummariesOptions>()
            .BindConfiguration(nameof(SummariesOptions))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChairSummaryBuilder>();
        builder.Services.AddSingleton<MeetingPackBuilder>();
        builder.Services.AddSingleton(sp => new BriefingWriter(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SummariesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BriefingWriter>>(),
            sp.GetService<Microsoft.Extensions.AI.IChatClient>()));
        builder.Services.AddSingleton<ChairBriefResponder>();
        builder.Services.AddSingleton<MeetingPackOffer>();
        builder.Services.AddSingleton<IFileConsentHandler, MeetingPackUpload>();
        // The upload must finish inside the invoke; a slow OneDrive gets a polite failure message, not a hang.
        builder.Services.AddHttpClient(MeetingPackUpload.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }
}
