using CstmML.Scoring.Results;

namespace CstmML.Scoring.Volume;

/// <summary>The volume findings of a run and the numbers the run summary reports about them.</summary>
public sealed record VolumeReport
{
    private readonly IReadOnlyList<VolumeFinding> _findings = [];

    public required IReadOnlyList<VolumeFinding> Findings
    {
        get => _findings;
        init
        {
            _findings = value;
            _byKey = null; // a copy made with `with { Findings = ... }` must not keep the old index
        }
    }

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

    // Built on first use by FindingsCovering; a benign race between scoring workers builds the same index twice.
    private Dictionary<(string Scope, string Key), List<int>>? _byKey;

    public int SpikeCount => Findings.Count(f => f.Kind == VolumeKinds.Spike);

    public int LevelShiftCount => Findings.Count(f => f.Kind == VolumeKinds.LevelShift);

    /// <summary>Lines for the run summary: totals, then the strongest findings (at most <paramref name="top"/>), then the notes.</summary>
    public IReadOnlyList<string> SummaryLines(int top = 5)
    {
        var lines = new List<string>
        {
            $"volume: {Series} series ({SeriesAnalyzed} analysed, {Cells} hourly cells), {SpikeCount} spike(s), {LevelShiftCount} level shift(s)",
        };
        foreach (var f in Findings.OrderByDescending(f => Math.Abs(f.Score)).ThenBy(f => f.HourStart).Take(top))
        {
            var tactic = f.Tactic is null ? string.Empty : $" [{f.Tactic}]";
            lines.Add($"  {f.Kind} {f.Scope} {f.Key}{tactic} at {f.HourStart.UtcDateTime:yyyy-MM-dd HH:00}Z: {f.Observed:0.#} vs expected {f.Expected:0.#} (z {f.Score:0.0})");
        }

        lines.AddRange(Notes.Select(n => "  note: " + n));
        return lines;
    }

    /// <summary>
    /// The findings a sequence falls inside: those of its account or principal (any tactic) whose hour — for a
    /// level shift, the <see cref="LevelShiftWindowHours"/> after the change point — overlaps [start, end].
    /// </summary>
    public IReadOnlyList<VolumeFinding> FindingsCovering(DateTimeOffset start, DateTimeOffset end, string account, string principal)
    {
        // Every scored sequence asks: look findings up by scope and key instead of scanning them all.
        var index = _byKey ??= Index(Findings);
        var mine = new List<int>();
        if (!string.IsNullOrEmpty(account) && index.TryGetValue((VolumeScopes.Account, account), out var byAccount))
        {
            mine.AddRange(byAccount);
        }

        if (principal is not null && index.TryGetValue((VolumeScopes.Principal, principal), out var byPrincipal))
        {
            mine.AddRange(byPrincipal);
        }

        if (mine.Count == 0)
        {
            return [];
        }

        mine.Sort(); // report order, as in Findings
        var list = new List<VolumeFinding>();
        foreach (var i in mine)
        {
            var f = Findings[i];
            var until = f.HourStart.AddHours(f.Kind == VolumeKinds.LevelShift ? LevelShiftWindowHours : 1);
            if (f.HourStart <= end && until > start)
            {
                list.Add(f);
            }
        }

        return list;
    }

    private static Dictionary<(string Scope, string Key), List<int>> Index(IReadOnlyList<VolumeFinding> findings)
    {
        var index = new Dictionary<(string Scope, string Key), List<int>>();
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.Scope is not (VolumeScopes.Account or VolumeScopes.Principal))
            {
                continue;
            }

            if (!index.TryGetValue((f.Scope, f.Key), out var list))
            {
                index[(f.Scope, f.Key)] = list = [];
            }

            list.Add(i);
        }

        return index;
    }
}
