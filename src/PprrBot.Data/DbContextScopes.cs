using Microsoft.Extensions.DependencyInjection;

namespace PprrBot.Data;

/// <summary>
/// One operation, one pooled context in a scope of its own: for singletons that use the database now and then (the
/// conversation reference store, the routing store), so nothing that never reads the database rents a context.
/// </summary>
internal static class DbContextScopes
{
    public static async Task<T> WithContextAsync<T>(this IServiceScopeFactory scopes, Func<PprrDbContext, Task<T>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<PprrDbContext>());
    }

    public static async Task WithContextAsync(this IServiceScopeFactory scopes, Func<PprrDbContext, Task> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        await operation(scope.ServiceProvider.GetRequiredService<PprrDbContext>());
    }
}
