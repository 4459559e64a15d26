using System.Globalization;
using System.Text;
using CstmML.Scoring.Results;

namespace CstmML.Cli.Commands;

/// <summary>The flat CSV form of scoring results (<c>--format csv</c>): one row per sequence, lists joined by <c>;</c>.</summary>
internal static class ScoreCsv
{
    /// <summary>The column names, in order (a contract).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "sequence_id", "account", "principal", "start", "end", "alert_count", "risk", "actor", "actor_probability",
        "actor_abstained", "anomaly_score", "anomaly_threshold", "anomaly_baseline", "playbooks", "velocity_class",
        "techniques", "tactic_chain", "reasons",
    ];

    public static string Header() => string.Join(',', Columns);

    public static string Row(ScoringResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string[] cells =
        [
            r.SequenceId, r.Account, r.Principal, Time(r.Start), Time(r.End), Num(r.AlertCount), Num(r.Risk.Score),
            r.Actor?.Label ?? string.Empty, r.Actor is null ? string.Empty : Num(r.Actor.Probability),
            r.Actor is null ? string.Empty : (r.Actor.Abstained ? "true" : "false"),
            r.Anomaly is null ? string.Empty : Num(r.Anomaly.Score), r.Anomaly is null ? string.Empty : Num(r.Anomaly.Threshold),
            r.Anomaly?.Baseline.ToString().ToLowerInvariant() ?? string.Empty,
            string.Join(';', r.Playbooks.Select(p => p.PlaybookId)), r.Velocity.Class.ToString().ToLowerInvariant(),
            string.Join(';', r.Techniques.Select(t => t.Value)), string.Join(';', r.TacticChain.Select(t => t.Value)),
            string.Join(';', r.Risk.Reasons.Select(x => x.Code + ":" + Num(x.Points))),
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int i) => i.ToString(CultureInfo.InvariantCulture);

    // RFC 4180: quote cells holding a comma, quote or line break; double embedded quotes.
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
