using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PprrBot.Data.Contacts;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

/// <summary>Routing wired by hand over the sample data, an in-memory store and a fake clock.</summary>
internal sealed class RoutingTestBed
{
    public const string MemberId = "aad-member-1";
    public const string OtherMemberId = "aad-member-2";
    public const string PerformanceOfficerId = "aad-gaynor";
    public const string ChildrenFinanceOfficerId = "aad-gill";
    public const string EducationFinanceOfficerId = "aad-peter";
    public const string DemocraticServicesId = "aad-ds";
    public const string ChairId = "aad-chair";
    public const string Committee = "Children & Families Scrutiny Committee";

    private int _activity;

    public RoutingTestBed(DateTimeOffset now, IEnumerable<Meeting>? meetings = null)
    {
        Time = new FakeTimeProvider(now);
        var sample = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);
        // The contacts are copied: a test may give an officer a Teams id without other tests seeing it.
        Snapshot = new PprrSnapshot(
            sample.Priorities.Select(p => new Priority { Id = p.Number, Number = p.Number, Title = p.Title, Portfolio = p.Portfolio }),
            sample.Measures.Select(m => m.Measure),
            sample.Finance,
            sample.Savings,
            sample.Contacts.Select(c => new Contact
            {
                Id = c.Id, Role = c.Role, Name = c.Name, Title = c.Title, Email = c.Email, Phone = c.Phone, Areas = c.Areas,
                TeamsUserId = c.TeamsUserId, Provenance = c.Provenance, ImportId = c.ImportId,
            }),
            meetings ?? sample.Meetings,
            [],
            DateTimeOffset.UnixEpoch);
        Snapshots.Swap(Snapshot);
        Options = new RoutingOptions
        {
            Officers =
            [
                new() { Role = "Strategy and Performance Manager", AadObjectId = PerformanceOfficerId },
                new() { Role = "CSS Manager (Specialist) Finance – Children's Social Care", AadObjectId = ChildrenFinanceOfficerId },
                new() { Role = "CSS Manager (Specialist) Finance – Education & Schools", AadObjectId = EducationFinanceOfficerId },
            ],
            DemocraticServices = [DemocraticServicesId],
            Chairs = [new() { Committee = Committee, AadObjectId = ChairId }],
        };
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Calendar = new WorkingDayCalendar(options);
        Deadlines = new DeadlineCalculator(Calendar, options, Time);
        Access = new RoutingAccess(options, Snapshots);
        Service = new RoutingService(Snapshots, Store, Deadlines, Access, Calendar, Time, NullLogger<RoutingService>.Instance);
        Sweep = new ReminderSweep(Store, Service, Calendar, Snapshots, options, NullLogger<ReminderSweep>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public PprrSnapshot Snapshot { get; }

    public PprrSnapshotStore Snapshots { get; } = new();

    public RoutingOptions Options { get; }

    public InMemoryRoutingStore Store { get; } = new();

    public WorkingDayCalendar Calendar { get; }

    public DeadlineCalculator Deadlines { get; }

    public RoutingAccess Access { get; }

    public RoutingService Service { get; }

    public ReminderSweep Sweep { get; }

    public static Sender Person(string aadObjectId, string name = "Councillor Test") => new($"29:{aadObjectId}", aadObjectId, name, "tenant-1");

    /// <summary>The message a member's "Send" press produces on the confirmation card.</summary>
    public IncomingMessage SendPress(string question, string officerRole, string? code = null, string? period = null, string member = MemberId, string? cardId = null)
    {
        var value = new Dictionary<string, string?>
        {
            ["pprr"] = RoutingCards.SendVerb,
            [RoutingCards.QuestionInput] = question,
            [RoutingCards.OfficerInput] = officerRole,
            ["code"] = code,
            ["period"] = period,
        };
        _activity++;
        return new IncomingMessage(
            "",
            JsonSerializer.SerializeToElement(value.Where(kv => kv.Value is not null).ToDictionary()),
            Person(member),
            $"a:conversation-{member}",
            $"activity-{_activity}",
            cardId ?? $"card-{_activity}",
            IsPersonalChat: true);
    }

    public static CardAction Press(string verb, string reference, Sender from, params (string Key, string Value)[] inputs)
    {
        var data = inputs.ToDictionary(i => i.Key, i => i.Value);
        data["reference"] = reference;
        return new CardAction(verb, JsonSerializer.SerializeToElement(data), from, "a:officer-chat", "officer-card-1");
    }

    public static Meeting MeetingOn(DateOnly date, string report = "Mid-Year PPRR 2020/21") =>
        new() { Committee = Committee, Date = date, Time = new TimeOnly(18, 0), Item = "PPRR", Report = report };
}
