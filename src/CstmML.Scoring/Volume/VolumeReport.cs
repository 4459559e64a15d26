using CstmML.Scoring.Results;

namespace CstmML.Scoring.Volume;

/// <summary>The volume findings of a run and the numbers the run summary reports about them.</summary>
public sealed record VolumeReport
{
    public required IReadOnlyList<VolumeFinding> Findings { get; init; }

    /// <summary>Distinct (scope, key, tactic) series counted.</summary>
    public required int Series { get; init; }

    /// <summary>Series with enough alerts to analyse.</summary>
    public required int SeriesAnalyzed { get; init; }

    /// <summary>(series, hour) cells held in memory.</summary>
    public required long Cells { get; init; }

    /// <summary>Alert counts that could not be kept because <see cref="VolumeOptions.MaxCells"/> was reached.</summary>
    public required long RefusedCounts { get; init; }

    public DateTimeOffset? FirstHour { get; init; }

    public DateTimeOffset? LastHour { get; init; }

    /// <summary>What was not analysed and why (bounds reached, series truncated).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How long after its change point a level shift counts as covering a sequence.</summary>
    public int LevelShiftWindowHours { get; init; } = VolumeDefaults.WindowHours;

    public int SpikeCount => Findings.Count(f => f.Kind == VolumeKinds.Spike);

    public int LevelShiftCount => Findings.Count(f => f.Kind == VolumeKinds.LevelShift);

    /// <summary>
    /// The findings a sequence falls inside: those of its account or principal (any tactic) whose hour — for a
    /// level shift, the <see cref="LevelShiftWindowHours"/> after the change point — overlaps [start, end].
    /// </summary>
    public IReadOnlyList<VolumeFinding> FindingsCovering(DateTimeOffset start, DateTimeOffset end, string account, string principal)
    {
        var list = new List<VolumeFinding>();
        foreach (var f in Findings)
        {
            var mine = (f.Scope == VolumeScopes.Account && f.Key == account && !string.IsNullOrEmpty(account)) ||
                       (f.Scope == VolumeScopes.Principal && f.Key == principal);
            if (!mine)
            {
                continue;
            }

            var until = f.HourStart.AddHours(f.Kind == VolumeKinds.LevelShift ? LevelShiftWindowHours : 1);
            if (f.HourStart <= end && until > start)
            {
                list.Add(f);
            }
        }

        return list;
    }
}
