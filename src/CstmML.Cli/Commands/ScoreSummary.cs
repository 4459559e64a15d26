using System.Globalization;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Cli.Commands;

/// <summary>What <c>cstm score</c> tells the analyst at the end: detections by actor and playbook, and the top results with reasons.</summary>
internal sealed class ScoreSummary(int top = 10)
{
    private readonly SortedDictionary<string, long> _actors = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _playbooks = new(StringComparer.Ordinal);
    private readonly List<ScoringResult> _top = [];

    public long Scored { get; private set; }

    public long Written { get; private set; }

    /// <summary>Counts one result (<paramref name="written"/>: it passed --min-risk).</summary>
    public void Add(ScoringResult r, bool written)
    {
        Scored++;
        if (!written)
        {
            return;
        }

        Written++;
        // Only hypotheses the risk took up (backed by an anomaly or a playbook): an uncorroborated label on a benign
        // sequence is not a detection, and counting it would read as one.
        if (r.Actor is { Abstained: false } a && r.Risk.Reasons.Any(x => x.Code == RiskReasonCodes.Actor))
        {
            _actors[a.Label] = _actors.GetValueOrDefault(a.Label) + 1;
        }

        foreach (var p in r.Playbooks)
        {
            _playbooks[p.PlaybookId] = _playbooks.GetValueOrDefault(p.PlaybookId) + 1;
        }

        // A short sorted list: the top results by risk, ties by sequence id (deterministic).
        var at = _top.FindIndex(x => Compare(r, x) < 0);
        _top.Insert(at < 0 ? _top.Count : at, r);
        if (_top.Count > top)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }

    public void Print(TextWriter w, string resultsWhere, long alerts, TimeSpan elapsed, long revised)
    {
        ArgumentNullException.ThrowIfNull(w);
        var rate = elapsed.TotalSeconds > 0 ? alerts / elapsed.TotalSeconds : 0;
        w.WriteLine(Inv($"scored {Scored} sequences from {alerts} alerts in {elapsed.TotalSeconds:0.0} s ({rate:0} alerts/s); {Written} written to {resultsWhere}{(revised > 0 ? $" ({revised} revisions of sessions re-opened by late alerts)" : string.Empty)}"));
        w.WriteLine("corroborated actor hypotheses: " + Counts(_actors));
        w.WriteLine("detections by playbook: " + Counts(_playbooks));
        if (_top.Count == 0)
        {
            return;
        }

        w.WriteLine(Inv($"top {_top.Count} by risk:"));
        foreach (var r in _top)
        {
            var actor = r.Actor is null ? "-" : r.Actor.Abstained ? $"unknown ({r.Actor.AbstainReason})" : Inv($"{r.Actor.Label} p={r.Actor.Probability:0.00}");
            w.WriteLine(Inv($"  risk {r.Risk.Score,3}  {r.Principal}  {r.Start.UtcDateTime:yyyy-MM-dd HH:mm}Z  {r.AlertCount} alerts  actor {actor}"));
            foreach (var reason in r.Risk.Reasons)
            {
                w.WriteLine(Inv($"           +{reason.Points:0.#} {reason.Text}"));
            }
        }
    }

    private static int Compare(ScoringResult a, ScoringResult b)
    {
        var c = b.Risk.Score.CompareTo(a.Risk.Score);
        return c != 0 ? c : string.CompareOrdinal(a.SequenceId, b.SequenceId);
    }

    private static string Counts(SortedDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Inv($"{kv.Key} {kv.Value}")));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
