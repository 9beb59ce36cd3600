using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Data.Sqlite;

namespace PprrBot.Tests.Conversation;

/// <summary>
/// While the sample is imported into an empty database the bot answers from a snapshot built straight from the
/// sample (ADR-011); once the import commits it answers from the database. A member must not be able to tell which.
/// </summary>
public sealed class ProvisionalSnapshotTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("dev-questions.csv")]
    [InlineData("phrasing-questions.csv")]
    public async Task EveryQuestionGetsByteIdenticalCardsFromTheProvisionalAndTheDatabaseSnapshot(string file)
    {
        var provisional = PprrImporter.ProvisionalSampleSnapshot(ImportedAt)!;
        var stored = await ImportedSnapshotAsync();
        var answerer = new QuestionAnswerer(new QuestionInterpreter(new FakeTimeProvider(new DateTimeOffset(2020, 11, 20, 12, 0, 0, TimeSpan.Zero))));
        var differences = new List<string>();

        foreach (var row in QuestionSetTests.ReadQuestions(file))
        {
            var fromProvisional = ComposedAnswersTests.Rendered(answerer.Respond(row.Question, provisional).Messages);
            var fromDatabase = ComposedAnswersTests.Rendered(answerer.Respond(row.Question, stored).Messages);
            if (!fromProvisional.SequenceEqual(fromDatabase))
            {
                differences.Add($"{row.Id} \"{row.Question}\"");
            }
        }

        Assert.Equal(38, provisional.Measures.Count);
        Assert.Equal(stored.Imports.Select(i => (i.Id, i.FileName)), provisional.Imports.Select(i => (i.Id, i.FileName)));
        Assert.Empty(differences);
    }

    private static async Task<PprrSnapshot> ImportedSnapshotAsync()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = new SqlitePprrDbContext(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var outcome = await new PprrImporter(db, TimeProvider.System).ImportSampleAsync(ImportedAt, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded);
        return await PprrSnapshotLoader.LoadAsync(db, ImportedAt, TestContext.Current.CancellationToken);
    }
}
