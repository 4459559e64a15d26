using System.Globalization;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Dataset;

/// <summary>
/// The targets for the bundled corpus (docs/models.md "Targets and results"), checked against a metrics set: each must
/// reach its bound and beat the plain Markov-chain baseline on the same split.
/// </summary>
public static class TargetCheck
{
    /// <summary>Minimum actor macro-F1.</summary>
    public const double MinMacroF1 = 0.90;

    /// <summary>Maximum expected calibration error of the actor probabilities.</summary>
    public const double MaxEce = 0.05;

    /// <summary>Minimum anomaly ROC-AUC.</summary>
    public const double MinRocAuc = 0.98;

    /// <summary>Minimum anomaly TPR at 1% FPR.</summary>
    public const double MinTprAt1PctFpr = 0.90;

    private static readonly (string Key, double Bound, bool HigherIsBetter)[] Targets =
    [
        ($"{MetricKeys.Actor}.{MetricKeys.MacroF1}", MinMacroF1, true),
        ($"{MetricKeys.Actor}.{MetricKeys.Ece}", MaxEce, false),
        ($"{MetricKeys.Anomaly}.{MetricKeys.RocAuc}", MinRocAuc, true),
        ($"{MetricKeys.Anomaly}.{MetricKeys.TprAt1PctFpr}", MinTprAt1PctFpr, true),
    ];

    /// <summary>One line per target: value, bound, Markov baseline, and whether both are met.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyDictionary<string, double> scalars)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        foreach (var (key, bound, higher) in Targets)
        {
            var has = scalars.TryGetValue(key, out var value);
            var hasMarkov = scalars.TryGetValue($"{MetricKeys.MarkovBaseline}.{key}", out var markov);
            var meets = has && (higher ? value >= bound : value <= bound);
            var beats = has && (!hasMarkov || (higher ? value > markov : value < markov));
            var verdict = !has ? "n/a" : meets && beats ? "ok" : meets ? "SHORT (not better than Markov)" : "SHORT";
            lines.Add(string.Create(c,
                $"{key,-26} {(has ? value.ToString("0.000", c) : "n/a"),6}  target {(higher ? ">=" : "<=")} {bound:0.00}  markov {(hasMarkov ? markov.ToString("0.000", c) : "n/a"),6}  {verdict}"));
        }

        return lines;
    }
}
