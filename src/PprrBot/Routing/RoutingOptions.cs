using System.ComponentModel.DataAnnotations;

namespace PprrBot.Routing;

/// <summary>Deadlines, reminders and who may act on routed questions. Section "Routing".</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Clear working days between the answer-by date and the meeting (neither day counts).</summary>
    [Range(0, 30)]
    public int ClearWorkingDays { get; set; } = 3;

    /// <summary>Working days after the day of asking when no later meeting is known.</summary>
    [Range(1, 60)]
    public int ServiceLevelWorkingDays { get; set; } = 10;

    /// <summary>The officer is reminded this many working days before the answer-by date.</summary>
    [Range(0, 20)]
    public int ReminderWorkingDaysBefore { get; set; } = 2;

    /// <summary>
    /// One-off bank holidays (royal occasions) on top of the computed ones. Configured dates are added to
    /// these defaults (the configuration binder appends to lists); the defaults are history and never change.
    /// </summary>
    public List<DateOnly> OneOffBankHolidays { get; set; } =
    [
        new(1999, 12, 31),
        new(2002, 6, 3),
        new(2011, 4, 29),
        new(2012, 6, 5),
        new(2022, 6, 3),
        new(2022, 9, 19),
        new(2023, 5, 8),
    ];

    /// <summary>
    /// Where to create an officer's 1:1 chat when none is known yet (protocol.md §3.4): the Teams global endpoint.
    /// Government clouds use their own (GCC: https://smba.infra.gcc.teams.microsoft.com/teams).
    /// </summary>
    [Required]
    [Url]
    public string TeamsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>Officers by contact role and Entra object id, for officers without a Teams id in the contacts data.</summary>
    [Required]
    public List<OfficerAssignment> Officers { get; set; } = [];

    /// <summary>Entra object ids of Democratic Services staff: they may answer, reassign, extend and see every question.</summary>
    [Required]
    public List<string> DemocraticServices { get; set; } = [];

    /// <summary>Chairs by committee: they see their committee's questions.</summary>
    [Required]
    public List<ChairAssignment> Chairs { get; set; } = [];
}

public sealed class OfficerAssignment
{
    [Required]
    public string Role { get; set; } = "";

    [Required]
    public string AadObjectId { get; set; } = "";
}

public sealed class ChairAssignment
{
    [Required]
    public string Committee { get; set; } = "";

    [Required]
    public string AadObjectId { get; set; } = "";
}
