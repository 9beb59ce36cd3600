using Microsoft.Extensions.Options;
using PprrBot.Data.Contacts;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;

namespace PprrBot.Routing;

/// <summary>
/// Who may do what with a routed question. Identity is the Entra object id (and Teams user id) from the
/// authenticated activity; roles come from <see cref="RoutingOptions"/> and the contacts' Teams ids.
/// </summary>
internal sealed class RoutingAccess(IOptions<RoutingOptions> options, PprrSnapshotStore snapshots)
{
    public bool IsDemocraticServices(Sender sender) =>
        Matches(sender, options.Value.DemocraticServices)
        || snapshots.Current.ContactForRole(Contact.DemocraticServicesRole) is { } ds && Matches(sender, ds.TeamsUserId);

    public bool IsOfficerFor(Sender sender, string role) =>
        snapshots.Current.ContactForRole(role) is { } contact && Matches(sender, contact.TeamsUserId)
        || options.Value.Officers.Any(o => SameRole(o.Role, role) && Matches(sender, o.AadObjectId));

    public bool IsChairOf(Sender sender, string? committee) =>
        committee is not null
        && options.Value.Chairs.Any(c => string.Equals(c.Committee, committee, StringComparison.OrdinalIgnoreCase) && Matches(sender, c.AadObjectId));

    public IReadOnlyList<string> CommitteesChairedBy(Sender sender) =>
        options.Value.Chairs.Where(c => Matches(sender, c.AadObjectId)).Select(c => c.Committee).ToList();

    /// <summary>Answer, reassign and extend: the assigned officer or Democratic Services.</summary>
    public bool MayAct(Sender sender, RoutedQuestion question) =>
        SameTenant(sender, question) && (IsOfficerFor(sender, question.AssignedRole) || IsDemocraticServices(sender));

    // Protocol refuses other tenants outright (Bot:AllowedTenants); this keeps one tenant's staff off another's questions.
    private static bool SameTenant(Sender sender, RoutedQuestion question) =>
        question.TenantId is null || sender.TenantId is null || string.Equals(question.TenantId, sender.TenantId, StringComparison.OrdinalIgnoreCase);

    public static bool IsMember(Sender sender, RoutedQuestion question) =>
        sender.AadObjectId is not null && string.Equals(sender.AadObjectId, question.MemberAadObjectId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The id to reach an officer by in Teams: the contacts' Teams id, else a configured Entra object id.</summary>
    public string? TeamsIdFor(string role) =>
        snapshots.Current.ContactForRole(role)?.TeamsUserId is { Length: > 0 } id
            ? id
            : options.Value.Officers.FirstOrDefault(o => SameRole(o.Role, role))?.AadObjectId;

    public string? DemocraticServicesTeamsId() =>
        snapshots.Current.ContactForRole(Contact.DemocraticServicesRole)?.TeamsUserId is { Length: > 0 } id
            ? id
            : options.Value.DemocraticServices.FirstOrDefault();

    private static bool Matches(Sender sender, string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && (string.Equals(id, sender.ChannelUserId, StringComparison.Ordinal)
            || string.Equals(id, sender.AadObjectId, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(Sender sender, IEnumerable<string> ids) => ids.Any(id => Matches(sender, id));

    private static bool SameRole(string a, string b) =>
        string.Equals(PprrSnapshot.Normalise(a), PprrSnapshot.Normalise(b), StringComparison.OrdinalIgnoreCase);
}
