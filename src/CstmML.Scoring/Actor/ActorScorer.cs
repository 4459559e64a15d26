using System.Runtime.InteropServices;
using CstmML.Core.Alerts;
using CstmML.Core.Models;
using CstmML.Scoring.Onnx;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Actor;

/// <summary>
/// Runtime actor attribution shared by training, batch scoring and the host: ONNX probabilities, then temperature,
/// then abstention (low confidence or out of distribution), then ranked candidates with evidence.
/// </summary>
public sealed class ActorScorer : IDisposable
{
    private const int MaxCandidates = 5;

    private readonly OnnxModelSession _session;
    private readonly ActorManifest _manifest;
    private readonly ActorCentroids _centroids;
    private readonly ActorEvidence _evidence;

    /// <summary>Takes ownership of <paramref name="session"/>.</summary>
    public ActorScorer(OnnxModelSession session, ActorManifest manifest, ActorCentroids centroids, ActorEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(manifest);
        _session = session;
        _manifest = manifest;
        _centroids = centroids;
        _evidence = evidence;
        if (session.OutputDimension > 0 && session.OutputDimension != manifest.ClassLabels.Count)
        {
            throw new InvalidDataException(
                $"{session.Source}: output '{session.OutputName}' has {session.OutputDimension} classes, manifest lists {manifest.ClassLabels.Count}.");
        }
    }

    public IReadOnlyList<string> ClassLabels => _manifest.ClassLabels;

    /// <summary>Uncalibrated model probabilities, one row per input (for calibration fitting and parity).</summary>
    public float[][] RawProbabilities(IReadOnlyList<float[]> features) => _session.Run(features);

    /// <summary>Scores a batch. <paramref name="techniques"/> (same order, may be null) feeds the candidates' evidence.</summary>
    public IReadOnlyList<ActorResult> Score(IReadOnlyList<float[]> features, IReadOnlyList<IReadOnlyList<string>>? techniques = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        var raw = _session.Run(features);
        var result = new ActorResult[raw.Length];
        var order = new int[_manifest.ClassLabels.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            var distinct = (techniques?[i] ?? []).Distinct(StringComparer.Ordinal).ToArray();
            result[i] = Decide(raw[i], features[i], distinct, order);
        }

        return result;
    }

    /// <summary>
    /// Scores the first <paramref name="count"/> rows of a row-major feature matrix the caller owns for the call (no
    /// copy before ONNX Runtime); <paramref name="techniques"/>[i] are row i's techniques in order, repeats allowed.
    /// </summary>
    internal ActorResult[] Score(float[] matrix, int count, int dimension, IReadOnlyList<IReadOnlyList<TechniqueId>> techniques)
    {
        if (dimension != _session.InputDimension)
        {
            throw new ArgumentException($"{_session.Source}: the feature rows have {dimension} values, the model takes {_session.InputDimension}.", nameof(dimension));
        }

        var raw = _session.RunOwned(matrix, count);
        var width = count == 0 ? 0 : raw.Length / count;
        var result = new ActorResult[count];
        var order = new int[_manifest.ClassLabels.Count];
        var distinct = new List<string>();
        for (var i = 0; i < count; i++)
        {
            DistinctValues(techniques[i], distinct);
            result[i] = Decide(raw.AsSpan(i * width, width), matrix.AsSpan(i * dimension, dimension), CollectionsMarshal.AsSpan(distinct), order);
        }

        return result;
    }

    // First occurrences in order; a sequence has few distinct techniques, so a scan beats a hash set.
    private static void DistinctValues(IReadOnlyList<TechniqueId> techniques, List<string> distinct)
    {
        distinct.Clear();
        for (var k = 0; k < techniques.Count; k++)
        {
            var v = techniques[k].Value;
            // A span search (ordinal string equality): the LINQ Contains with a comparer enumerated the list through an interface.
            if (!CollectionsMarshal.AsSpan(distinct).Contains(v))
            {
                distinct.Add(v);
            }
        }
    }

    private ActorResult Decide(ReadOnlySpan<float> raw, ReadOnlySpan<float> features, ReadOnlySpan<string> distinct, int[] order)
    {
        var p = TemperatureScaling.Apply(raw, _manifest.Temperature);
        if (order.Length != p.Length)
        {
            order = new int[p.Length];
        }

        // Highest probability first; ties keep class order (deterministic): an insertion sort of a few classes.
        for (var k = 0; k < order.Length; k++)
        {
            var at = k;
            while (at > 0 && Before(p, k, order[at - 1]))
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = k;
        }

        var top = order[0];
        var distance = _centroids.NearestDistance(features, _centroids.IndexOf(_manifest.ClassLabels[top]));
        string? reason = distance > _manifest.OodDistanceThreshold ? AbstainReasons.OutOfDistribution
            : p[top] < _manifest.AbstainThreshold ? AbstainReasons.LowConfidence
            : null;

        var labels = _manifest.ClassLabels;
        var candidates = new ActorCandidate[Math.Min(MaxCandidates, order.Length)];
        for (var rank = 0; rank < candidates.Length; rank++)
        {
            // The top candidate is explained against the runner-up; every other one against the top.
            var k = order[rank];
            var rival = rank == 0 ? (order.Length > 1 ? labels[order[1]] : labels[k]) : labels[top];
            candidates[rank] = new ActorCandidate(labels[k], p[k], _evidence.SeparatingDistinct(labels[k], rival, distinct));
        }

        return new ActorResult
        {
            Label = reason is null ? labels[top] : _manifest.UnknownLabel,
            Probability = p[top],
            AbstainReason = reason,
            CentroidDistance = distance,
            Candidates = candidates,
            Probabilities = p,
        };
    }

    // Class a ranks before class b: higher probability, then lower index (the order Array.Sort gave before).
    private static bool Before(double[] p, int a, int b)
    {
        var byP = p[b].CompareTo(p[a]);
        return byP != 0 ? byP < 0 : a < b;
    }

    public void Dispose() => _session.Dispose();
}
