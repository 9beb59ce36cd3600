namespace PprrBot.Testing;

/// <summary>
/// The line each PostgreSQL test adds to the file <c>.ci/run</c> counts (PPRR_TEST_POSTGRES_MARKER), so CI fails when none
/// ran. Both test projects run at once and append to the same file: each append holds the file alone (on Linux .NET
/// takes an exclusive lock for FileShare.None), since an unlocked append from two processes lost a line in one CI run.
/// </summary>
internal static class PostgresMarker
{
    public const string Variable = "PPRR_TEST_POSTGRES_MARKER";

    public static async Task AppendAsync(string line, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } marker)
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var file = new FileStream(marker, FileMode.Append, FileAccess.Write, FileShare.None);
                await using var writer = new StreamWriter(file);
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
                return;
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }
}
