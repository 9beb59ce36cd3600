namespace PprrBot.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddProtocol(this IHostApplicationBuilder builder)
    {
        // Filled in by the foundation work: authentication, the activity queue, the connector client.
        return builder;
    }

    public static IEndpointRouteBuilder MapProtocol(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", () => Results.Accepted());
        return endpoints;
    }
}
