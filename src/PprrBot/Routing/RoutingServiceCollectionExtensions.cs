using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PprrBot.Data;
using PprrBot.Protocol;

namespace PprrBot.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Routing: deadlines, officer choice, the routing flows, the store and outbox over the database, delivery to Teams
    /// and by e-mail, the reminder clock and the outbox pump. Needs the data feature (PprrDbContext, OutboxStore)
    /// and Protocol (IConversationSender). Store, outbox and channel are TryAdd, so tests can register their own first.
    /// </summary>
    public static IHostApplicationBuilder AddRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutingOptions>()
            .BindConfiguration(RoutingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
        builder.Services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();

        // The turn's services are singletons (a DI scope per turn was about 4% of the bot's CPU under load); the store
        // takes a database context from the pool for each operation.
        builder.Services.TryAddSingleton<IRoutingStore, EfRoutingStore>();
        builder.Services.TryAddScoped<INotificationOutbox, EfNotificationOutbox>();
        builder.Services.TryAddScoped<IRoutingChannel, RoutingChannel>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        PprrDataReadiness.TryAddReady(builder.Services);
        builder.Services.AddSingleton<WorkingDayCalendar>();
        builder.Services.AddSingleton<DeadlineCalculator>();
        builder.Services.AddSingleton<RoutingAccess>();
        builder.Services.AddSingleton<RoutingService>();
        builder.Services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<RoutingService>());
        builder.Services.AddScoped<ReminderSweep>();
        builder.Services.AddHostedService<RoutingClock>();
        builder.Services.AddScoped<RoutingDelivery>();
        builder.Services.AddScoped<RoutingOutboxWorker>();
        builder.Services.AddHostedService<RoutingOutboxPump>();
        return builder;
    }
}

/// <summary>Checks the list entries that data annotations on the options class do not reach.</summary>
internal sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(options.Officers
            .Where(o => string.IsNullOrWhiteSpace(o.Role) || string.IsNullOrWhiteSpace(o.AadObjectId))
            .Select(_ => "Routing:Officers entries need both Role and AadObjectId."));
        failures.AddRange(options.Chairs
            .Where(c => string.IsNullOrWhiteSpace(c.Committee) || string.IsNullOrWhiteSpace(c.AadObjectId))
            .Select(_ => "Routing:Chairs entries need both Committee and AadObjectId."));
        if (options.DemocraticServices.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Routing:DemocraticServices holds an empty id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Distinct());
    }
}
