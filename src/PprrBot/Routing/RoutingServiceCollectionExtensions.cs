using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PprrBot.Protocol;

namespace PprrBot.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Routing: deadlines, officer choice, the routing flows, the reminder clock and the outbox pump. Needs
    /// <see cref="IRoutingStore"/> and <see cref="INotificationOutbox"/> from the data feature and
    /// <see cref="IRoutingChannel"/> from Protocol (none registered here).
    /// </summary>
    public static IHostApplicationBuilder AddRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutingOptions>()
            .BindConfiguration(nameof(RoutingOptions))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkingDayCalendar>();
        builder.Services.AddSingleton<DeadlineCalculator>();
        builder.Services.AddSingleton<RoutingAccess>();
        builder.Services.AddScoped<RoutingService>();
        builder.Services.AddScoped<ICardActionHandler>(sp => sp.GetRequiredService<RoutingService>());
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
            .Select(_ => "RoutingOptions:Officers entries need both Role and AadObjectId."));
        failures.AddRange(options.Chairs
            .Where(c => string.IsNullOrWhiteSpace(c.Committee) || string.IsNullOrWhiteSpace(c.AadObjectId))
            .Select(_ => "RoutingOptions:Chairs entries need both Committee and AadObjectId."));
        if (options.DemocraticServices.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("RoutingOptions:DemocraticServices holds an empty id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Distinct());
    }
}
