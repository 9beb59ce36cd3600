using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Contacts;
using PprrBot.Data.Conversations;
using PprrBot.Data.Finance;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.Outbox;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Data;

/// <summary>
/// The PPRR model. Features use it directly (no repository layer, ADR-003). Each provider has a thin subclass
/// with its own migrations (ADR-002); resolve this base type from DI.
/// </summary>
public abstract class PprrDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<MeasureResult> MeasureResults => Set<MeasureResult>();

    public DbSet<FinanceLine> FinanceLines => Set<FinanceLine>();

    public DbSet<SavingsScheme> SavingsSchemes => Set<SavingsScheme>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<ImportRecord> Imports => Set<ImportRecord>();

    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();

    public DbSet<RoutedQuestion> RoutedQuestions => Set<RoutedQuestion>();

    public DbSet<RoutedQuestionEvent> RoutedQuestionEvents => Set<RoutedQuestionEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PprrDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names, so the database reads like the data files and reordering an enum breaks nothing.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
