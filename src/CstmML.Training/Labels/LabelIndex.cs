namespace CstmML.Training.Labels;

/// <summary>
/// Answers which label applies to an alert: an alert-id match first, then an incident window of its
/// (account, principal), then a benign window; null means unlabelled, which training treats as benign background.
/// Lookups are a dictionary hit plus a binary search over the principal's sorted windows.
/// </summary>
public sealed class LabelIndex
{
    private readonly Dictionary<string, IncidentLabel> _byAlertId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Principal), Windows> _incidents = [];
    private readonly Dictionary<(string Account, string Principal), Windows> _benign = [];

    /// <summary>Indexes <paramref name="labels"/> (as returned by <see cref="LabelsFile"/>; incident windows must not overlap).</summary>
    public LabelIndex(IEnumerable<IncidentLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var incidents = new Dictionary<(string, string), List<IncidentLabel>>();
        var benign = new Dictionary<(string, string), List<IncidentLabel>>();
        foreach (var label in labels)
        {
            foreach (var id in label.AlertIds)
            {
                _byAlertId.TryAdd(id, label);
            }

            if (label.HasWindow)
            {
                var target = label.Kind == LabelKind.Incident ? incidents : benign;
                var key = (label.Account, label.Principal);
                if (!target.TryGetValue(key, out var list))
                {
                    target[key] = list = [];
                }

                list.Add(label);
            }
        }

        foreach (var (key, list) in incidents)
        {
            _incidents[key] = new Windows(list);
        }

        foreach (var (key, list) in benign)
        {
            _benign[key] = new Windows(list);
        }
    }

    /// <summary>The number of distinct alert ids named by labels.</summary>
    public int AlertIdCount => _byAlertId.Count;

    /// <summary>True when some label names <paramref name="alertId"/> in its alert ids.</summary>
    public bool HasAlertId(string alertId) => _byAlertId.ContainsKey(alertId);

    /// <summary>The label for one alert, or null when none applies (unlabelled = benign background).</summary>
    public IncidentLabel? Resolve(string account, string principal, DateTimeOffset time, string? alertId = null)
    {
        if (alertId is not null && _byAlertId.TryGetValue(alertId, out var byId))
        {
            return byId;
        }

        return Find(_incidents, account, principal, time) ?? Find(_benign, account, principal, time);
    }

    private static IncidentLabel? Find(Dictionary<(string, string), Windows> map, string account, string principal, DateTimeOffset time)
    {
        if (map.TryGetValue((account, principal), out var windows) && windows.Find(time) is { } hit)
        {
            return hit;
        }

        // A row with an empty account covers the principal in every account.
        return account.Length > 0 && map.TryGetValue((string.Empty, principal), out var any) ? any.Find(time) : null;
    }

    /// <summary>One principal's windows sorted by start, with the running maximum end so overlapping benign windows stay correct.</summary>
    private sealed class Windows
    {
        private readonly IncidentLabel[] _sorted;
        private readonly DateTimeOffset[] _starts;
        private readonly DateTimeOffset[] _maxEnd;

        public Windows(List<IncidentLabel> labels)
        {
            _sorted = [.. labels.OrderBy(l => l.Start!.Value).ThenBy(l => l.Line)];
            _starts = [.. _sorted.Select(l => l.Start!.Value)];
            _maxEnd = new DateTimeOffset[_sorted.Length];
            var max = DateTimeOffset.MinValue;
            for (var i = 0; i < _sorted.Length; i++)
            {
                max = _sorted[i].End!.Value > max ? _sorted[i].End!.Value : max;
                _maxEnd[i] = max;
            }
        }

        public IncidentLabel? Find(DateTimeOffset time)
        {
            // Last window starting at or before time, then walk back while an earlier window can still reach time.
            var i = Array.BinarySearch(_starts, time);
            if (i < 0)
            {
                i = ~i - 1;
            }
            else
            {
                while (i + 1 < _starts.Length && _starts[i + 1] == time)
                {
                    i++;
                }
            }

            for (; i >= 0 && _maxEnd[i] > time; i--)
            {
                if (_sorted[i].Contains(time))
                {
                    return _sorted[i];
                }
            }

            return null;
        }
    }
}
