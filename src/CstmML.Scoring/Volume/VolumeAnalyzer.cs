using CstmML.Core.Alerts;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Volume;

/// <summary>
/// Hourly alert counts per account and per principal (all alerts and per tactic), accumulated one alert at a time,
/// then checked for spikes and level shifts against a robust seasonal baseline (<see cref="VolumeDetector"/>).
/// Memory is bounded: at most <see cref="VolumeOptions.MaxCells"/> (series, hour) cells; counts past the bound are
/// refused and reported, never silently dropped. Not thread-safe: one analyzer per run.
/// </summary>
public sealed class VolumeAnalyzer
{
    private readonly VolumeOptions _options;
    private readonly Dictionary<VolumeSeriesKey, Dictionary<long, int>> _series = [];
    private long _cells;
    private long _refused;
    private long _minHour = long.MaxValue;
    private long _maxHour = long.MinValue;

    public VolumeAnalyzer(VolumeOptions? options = null)
    {
        _options = options ?? new VolumeOptions();
        _options.Validate();
    }

    /// <summary>(series, hour) cells held now.</summary>
    public long Cells => _cells;

    /// <summary>Counts one alert in its account and principal series, and in their per-tactic series.</summary>
    public void Add(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var hour = HourOf(alert.Time);
        if (!string.IsNullOrEmpty(alert.Account))
        {
            AddCount(VolumeScopes.Account, alert.Account, null, hour, 1);
        }

        AddCount(VolumeScopes.Principal, alert.Principal, null, hour, 1);
        if (!_options.PerTactic)
        {
            return;
        }

        foreach (var tactic in alert.Tactics.Distinct())
        {
            if (!string.IsNullOrEmpty(alert.Account))
            {
                AddCount(VolumeScopes.Account, alert.Account, tactic.Value, hour, 1);
            }

            AddCount(VolumeScopes.Principal, alert.Principal, tactic.Value, hour, 1);
        }
    }

    /// <summary>Adds <paramref name="count"/> alerts to one series at the hour containing <paramref name="time"/>.</summary>
    internal void AddCount(string scope, string key, string? tactic, DateTimeOffset time, int count) =>
        AddCount(scope, key, tactic, HourOf(time), count);

    /// <summary>Finds spikes and level shifts in every series with enough alerts.</summary>
    public VolumeReport Analyze()
    {
        var findings = new List<VolumeFinding>();
        var notes = new List<string>();
        var analyzed = 0;
        if (_refused > 0)
        {
            notes.Add($"{_refused} alert count(s) refused: the {_options.MaxCells} (series, hour) cell bound was reached (VolumeOptions.MaxCells)");
        }

        var truncated = 0;
        foreach (var (key, cells) in _series.OrderBy(kv => kv.Key.Scope, StringComparer.Ordinal)
                     .ThenBy(kv => kv.Key.Key, StringComparer.Ordinal).ThenBy(kv => kv.Key.Tactic, StringComparer.Ordinal))
        {
            if (cells.Values.Sum(v => (long)v) < _options.MinSeriesTotal)
            {
                continue;
            }

            // Every series spans the run (first to last hour of all alerts): hours without its alerts are real zeros,
            // so a principal that appears mid-run with a burst is judged against its silence before.
            var first = _minHour;
            if (_maxHour - first + 1 > _options.MaxHours)
            {
                first = _maxHour - _options.MaxHours + 1;
                truncated++;
            }

            var values = new double[_maxHour - first + 1];
            foreach (var (hour, count) in cells)
            {
                if (hour >= first)
                {
                    values[hour - first] = count;
                }
            }

            analyzed++;
            foreach (var d in VolumeDetector.Detect(values, first, _options))
            {
                findings.Add(new VolumeFinding
                {
                    Kind = d.Kind,
                    Scope = key.Scope,
                    Key = key.Key,
                    Tactic = key.Tactic,
                    HourStart = StartOf(first + d.Index),
                    Observed = Math.Round(d.Observed, 3),
                    Expected = Math.Round(d.Expected, 3),
                    Score = Math.Round(d.Score, 3),
                });
            }
        }

        if (truncated > 0)
        {
            notes.Add($"{truncated} series longer than {_options.MaxHours} hours: only their last {_options.MaxHours} hours were analysed");
        }

        return new VolumeReport
        {
            Findings = findings.OrderBy(f => f.HourStart).ThenBy(f => f.Scope, StringComparer.Ordinal)
                .ThenBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Tactic, StringComparer.Ordinal)
                .ThenBy(f => f.Kind, StringComparer.Ordinal).ToList(),
            Series = _series.Count,
            SeriesAnalyzed = analyzed,
            Cells = _cells,
            RefusedCounts = _refused,
            FirstHour = _series.Count == 0 ? null : StartOf(_minHour),
            LastHour = _series.Count == 0 ? null : StartOf(_maxHour),
            Notes = notes,
            LevelShiftWindowHours = _options.WindowHours,
        };
    }

    /// <summary>Whole hours since the Unix epoch (floor), the series' time index.</summary>
    internal static long HourOf(DateTimeOffset t) => (long)Math.Floor(t.ToUnixTimeSeconds() / 3600.0);

    internal static DateTimeOffset StartOf(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600);

    private void AddCount(string scope, string key, string? tactic, long hour, int count)
    {
        var seriesKey = new VolumeSeriesKey(scope, key, tactic);
        if (!_series.TryGetValue(seriesKey, out var cells))
        {
            if (_cells >= _options.MaxCells)
            {
                _refused += count;
                return;
            }

            _series[seriesKey] = cells = [];
        }

        if (cells.TryGetValue(hour, out var existing))
        {
            cells[hour] = existing + count;
        }
        else if (_cells >= _options.MaxCells)
        {
            _refused += count;
            return;
        }
        else
        {
            cells[hour] = count;
            _cells++;
        }

        _minHour = Math.Min(_minHour, hour);
        _maxHour = Math.Max(_maxHour, hour);
    }
}
