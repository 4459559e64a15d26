namespace CstmML.Training.Simulation;

/// <summary>The rhythm of a benign role.</summary>
internal enum ScheduleKind
{
    /// <summary>People: sessions in the account's working hours, mostly on weekdays.</summary>
    WorkHours,

    /// <summary>Automation: a session every <see cref="RoleProfile.PeriodHours"/>, day and night, with jitter.</summary>
    Periodic,

    /// <summary>Emergency use: a small chance of one session on any day.</summary>
    Rare,
}
