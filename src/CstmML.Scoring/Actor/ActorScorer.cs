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
        for (var i = 0; i < raw.Length; i++)
        {
            result[i] = Decide(raw[i], features[i], techniques?[i] ?? []);
        }

        return result;
    }

    private ActorResult Decide(float[] raw, float[] features, IReadOnlyList<string> techniques)
    {
        var p = TemperatureScaling.Apply(raw, _manifest.Temperature);
        var order = new int[p.Length];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        // Highest probability first; ties keep class order (deterministic).
        Array.Sort(order, (a, b) =>
        {
            var byP = p[b].CompareTo(p[a]);
            return byP != 0 ? byP : a.CompareTo(b);
        });
        var top = order[0];
        var distance = _centroids.NearestDistance(features, _centroids.IndexOf(_manifest.ClassLabels[top]));
        string? reason = distance > _manifest.OodDistanceThreshold ? AbstainReasons.OutOfDistribution
            : p[top] < _manifest.AbstainThreshold ? AbstainReasons.LowConfidence
            : null;

        var labels = _manifest.ClassLabels;
        var distinct = techniques.Distinct(StringComparer.Ordinal).ToArray();
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

    public void Dispose() => _session.Dispose();
}
