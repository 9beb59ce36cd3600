namespace PprrBot.Health;

public static class HealthServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", HealthEndpoint.GetAsync);
        return endpoints;
    }
}
