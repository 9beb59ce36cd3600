using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Summaries;

namespace PprrBot.Tests.Summaries;

/// <summary>The sample data, an in-memory routing store seeded with questions for 9 December 2020, and a fake clock.</summary>
internal sealed class SummaryTestBed
{
    public const string Committee = "Children & Families Scrutiny Committee";
    public const string ChairId = "aad-chair";
    public const string DemocraticServicesId = "aad-ds";
    public const string MemberId = "aad-member";
    public static readonly DateOnly Meeting = new(2020, 12, 9);

    public SummaryTestBed(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2020, 12, 3, 10, 0, 0, TimeSpan.Zero));
        Snapshots.Swap(Snapshot);
        Access = new RoutingAccess(
            Options.Create(new RoutingOptions
            {
                Chairs = [new ChairAssignment { Committee = Committee, AadObjectId = ChairId }],
                DemocraticServices = [DemocraticServicesId],
            }),
            Snapshots);
        Builder = new ChairSummaryBuilder(Store, Time);
        Packs = new MeetingPackBuilder(Store, Time);
    }

    public PprrSnapshot Snapshot { get; } = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    public PprrSnapshotStore Snapshots { get; } = new();

    public InMemoryRoutingStore Store { get; } = new();

    public FakeTimeProvider Time { get; }

    public RoutingAccess Access { get; }

    public ChairSummaryBuilder Builder { get; }

    public MeetingPackBuilder Packs { get; }

    /// <summary>Adds a question for the 9 December 2020 meeting; answered when <paramref name="answer"/> is given.</summary>
    public async Task<RoutedQuestion> AddQuestionAsync(string text, string? code, DateOnly answerBy, string? answer = null, string? topic = null)
    {
        var question = new RoutedQuestion
        {
            Reference = "",
            SourceKey = Guid.NewGuid().ToString(),
            MemberAadObjectId = MemberId,
            MemberName = "Councillor Test Member",
            MemberConversationId = "conv-member",
            QuestionText = text,
            MeasureCode = code,
            Topic = topic,
            AssignedRole = "Strategy and Performance Manager",
            Committee = Committee,
            MeetingDate = Meeting,
            AnswerBy = answerBy,
            Status = RoutedQuestionStatus.Open,
            CreatedAt = new DateTimeOffset(2020, 11, 20, 9, 0, 0, TimeSpan.Zero),
        };
        var (saved, _) = await Store.AddAsync(question, _ => [], CancellationToken.None);
        if (answer is null)
        {
            return saved;
        }

        saved.Status = RoutedQuestionStatus.Answered;
        saved.AnswerText = answer;
        saved.AnsweredByName = "Gaynor Ward";
        saved.AnsweredAt = new DateTimeOffset(2020, 12, 1, 14, 30, 0, TimeSpan.Zero);
        await Store.SaveAsync(saved, [], CancellationToken.None);
        return saved;
    }

    public MeetingPackUpload Upload(IHttpClientFactory http, IConversationSender sender) =>
        new(Snapshots, Packs, Access, http, sender, NullLogger<MeetingPackUpload>.Instance);
}
