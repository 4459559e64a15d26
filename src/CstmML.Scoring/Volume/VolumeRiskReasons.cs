using System.Globalization;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Volume;

/// <summary>
/// Turns the volume findings covering a sequence into risk reasons for the risk fusion: a spike adds 10 points plus 1
/// per z above the threshold, a level shift up 8 (down adds nothing), 20 points at most in all.
/// </summary>
public static class VolumeRiskReasons
{
    public const string SpikeCode = "volume_spike";
    public const string LevelShiftCode = "volume_level_shift";
    public const double MaxPoints = 20;

    /// <summary>Risk reasons for the findings a sequence falls inside (from <see cref="VolumeReport.FindingsCovering"/>).</summary>
    public static IReadOnlyList<RiskReason> For(IReadOnlyList<VolumeFinding> covering, double spikeThreshold = VolumeDefaults.SpikeThreshold)
    {
        ArgumentNullException.ThrowIfNull(covering);
        var reasons = new List<RiskReason>();
        var budget = MaxPoints;
        foreach (var f in covering.OrderByDescending(f => Math.Abs(f.Score)))
        {
            var points = f.Kind switch
            {
                VolumeKinds.Spike => 10 + Math.Max(0, Math.Floor(f.Score - spikeThreshold)),
                VolumeKinds.LevelShift when f.Score > 0 => 8,
                _ => 0,
            };
            points = Math.Min(points, budget);
            if (points <= 0)
            {
                continue;
            }

            budget -= points;
            var what = f.Tactic is null ? "alerts" : $"{f.Tactic} alerts";
            var hour = f.HourStart.UtcDateTime.ToString("yyyy-MM-dd HH:00'Z'", CultureInfo.InvariantCulture);
            var text = f.Kind == VolumeKinds.Spike
                ? $"{f.Observed:0} {what} for {f.Scope} {f.Key} in the hour from {hour}, expected about {f.Expected:0.#} (robust z {f.Score:0.0})"
                : $"{what} for {f.Scope} {f.Key} rose from about {f.Expected:0.#} to {f.Observed:0.#} an hour from {hour} (robust z {f.Score:0.0})";
            reasons.Add(new RiskReason(f.Kind == VolumeKinds.Spike ? SpikeCode : LevelShiftCode, points, text));
        }

        return reasons;
    }
}
