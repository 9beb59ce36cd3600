using PprrBot.Data.Contacts;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>Who to contact: name, title, role, e-mail, phone, and what they answer.</summary>
internal static class ContactCard
{
    private const int MaxAreas = 10;

    /// <param name="topic">What the member asked about ("the social care budget"), shown back; optional.</param>
    public static BotMessage Build(PprrSnapshot snapshot, IReadOnlyList<Contact> contacts, string? topic = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(contacts.Count);

        var document = new CardDocument(snapshot);
        document.Add(Heading(topic is null ? "Who to contact" : $"Who to contact about {topic}", size: "Large"));

        foreach (var (contact, index) in contacts.Select((c, i) => (c, i)))
        {
            document.Add(Container(Person(contact), separator: index > 0, spacing: "Medium"));
            if (!string.IsNullOrEmpty(contact.Email))
            {
                document.Action(new CardObject
                {
                    ["type"] = "Action.OpenUrl",
                    ["title"] = "E-mail " + contact.Name,
                    ["url"] = "mailto:" + contact.Email,
                });
            }
        }

        document.Add(Text("Questions for a meeting go to the officer via the Democratic Services Manager.", size: "Small", subtle: true, spacing: "Medium"));
        var routable = contacts.FirstOrDefault(c => !string.IsNullOrEmpty(c.Email));
        if (routable is not null)
        {
            document.Action(Submit("Send a question", CardData.RouteStart(role: routable.Role)));
        }

        var spoken = string.Join(" ", contacts.Select(c => $"{c.Name}, {c.Title}." + (c.Email is null ? " No contact details are held." : $" E-mail {c.Email}.") + (c.Phone is null ? "" : $" Phone {c.Phone}.")));
        var written = string.Join(" ", contacts.Select(c => $"{c.Name}, {c.Title}" + (c.Email is null ? "" : $", {c.Email}") + (c.Phone is null ? "" : $", {c.Phone}") + "."));
        return document.ToMessage(spoken, written, "Contact: " + string.Join("; ", contacts.Select(c => c.Name)));
    }

    private static IEnumerable<CardObject> Person(Contact contact)
    {
        yield return Text(contact.Name, size: "Medium", weight: "Bolder");
        yield return Text(contact.Title, spacing: "None");
        var facts = new List<(string, string)>();
        if (!string.Equals(PprrSnapshot.Normalise(contact.Role), PprrSnapshot.Normalise(contact.Title), StringComparison.OrdinalIgnoreCase))
        {
            facts.Add(("Role", contact.Role));
        }

        facts.Add(("E-mail", contact.Email ?? "none held"));
        facts.Add(("Phone", contact.Phone ?? "none held"));
        var areas = contact.AreaList;
        if (areas.Count > 0)
        {
            facts.Add(("Answers on", string.Join(", ", areas.Take(MaxAreas)) + (areas.Count > MaxAreas ? " and more" : "")));
        }

        yield return Facts(facts, spacing: "Small");
        if (contact.Email is null)
        {
            yield return Text("No contact details are held, and questions are not routed to this role.", size: "Small", subtle: true, spacing: "Small");
        }

        if (contact.Provenance == "sample")
        {
            yield return Text("Sample contact made up for this data set.", size: "Small", subtle: true, spacing: "Small");
        }
    }
}
