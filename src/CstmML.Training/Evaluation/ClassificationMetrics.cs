using CstmML.Core.Models;

namespace CstmML.Training.Evaluation;

/// <summary>
/// Per-class precision/recall/F1 and macro-F1 with abstention: an abstention on a known actor is a miss (false negative)
/// for that actor and a false positive for none; a named answer for an actor unseen in training is a false positive of
/// the named class. Macro-F1 averages the known classes only.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Computes the report; <paramref name="predicted"/> holds a class label or <c>unknown</c>.</summary>
    public static ClassificationReport Compute(IReadOnlyList<string> truth, IReadOnlyList<string> predicted, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(classes);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("truth and predicted differ in length.", nameof(predicted));
        }

        var labels = classes.Append(ModelConstants.UnknownActor).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var unknown = labels.Length - 1;
        var confusion = new int[labels.Length, labels.Length];
        int abstained = 0, openSet = 0, openSetAbstained = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var t = index.GetValueOrDefault(truth[i], unknown);
            var p = index.GetValueOrDefault(predicted[i], unknown);
            confusion[t, p]++;
            abstained += p == unknown ? 1 : 0;
            if (t == unknown)
            {
                openSet++;
                openSetAbstained += p == unknown ? 1 : 0;
            }
        }

        var perClass = new ClassMetrics[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var tp = confusion[c, c];
            var predictedC = Enumerable.Range(0, labels.Length).Sum(t => confusion[t, c]);
            var actualC = Enumerable.Range(0, labels.Length).Sum(p => confusion[c, p]);
            var precision = predictedC == 0 ? 0 : (double)tp / predictedC;
            var recall = actualC == 0 ? 0 : (double)tp / actualC;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(classes[c], precision, recall, f1, actualC);
        }

        return new ClassificationReport(
            perClass,
            perClass.Length == 0 ? 0 : perClass.Average(m => m.F1),
            truth.Count == 0 ? 0 : (double)abstained / truth.Count,
            openSet == 0 ? null : (double)openSetAbstained / openSet,
            labels,
            confusion);
    }
}
