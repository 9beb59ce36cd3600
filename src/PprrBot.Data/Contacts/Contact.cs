namespace PprrBot.Data.Contacts;

public sealed class Contact
{
    public int Id { get; set; }

    /// <summary>The role; the key that measures, finance lines and savings name as their owner.</summary>
    public required string Role { get; set; }

    public required string Name { get; set; }

    public required string Title { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Topics the contact answers, separated by ';'.</summary>
    public string Areas { get; set; } = "";

    /// <summary>The officer's Teams user id (29:...) or Entra object id, filled in at deployment.</summary>
    public string? TeamsUserId { get; set; }

    public string? Provenance { get; set; }

    public int? ImportId { get; set; }

    public IReadOnlyList<string> AreaList =>
        Areas.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public const string DemocraticServicesRole = "Democratic Services Manager";
    public const string PerformanceRole = "Strategy and Performance Manager";
}
