using CstmML.Core.Models;
using CstmML.Scoring.Actor;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Onnx;

namespace CstmML.Scoring.Models;

/// <summary>A verified model: its manifest, the actor scorer and the baseline scorer, ready for concurrent use.</summary>
public sealed class LoadedModel : IDisposable
{
    private readonly IReadOnlyDictionary<string, byte[]> _files;

    private LoadedModel(ModelManifest manifest, IReadOnlyDictionary<string, byte[]> files, ActorScorer actor, BaselineScorer baselines)
    {
        Manifest = manifest;
        _files = files;
        Actor = actor;
        Baselines = baselines;
    }

    public ModelManifest Manifest { get; }

    public ActorScorer Actor { get; }

    public BaselineScorer Baselines { get; }

    /// <summary>The verified bytes of one listed file.</summary>
    public byte[] FileBytes(string path) =>
        _files.TryGetValue(path, out var bytes) ? bytes : throw new ModelIntegrityException(path, null, "not listed in the manifest.");

    /// <summary>
    /// Builds the scorers from a manifest and the (already verified) bytes of its files. The trainer calls this on
    /// in-memory artifacts and the loader on files read from disk, so both score through the same code.
    /// </summary>
    public static LoadedModel FromArtifacts(ModelManifest manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(files);
        byte[] Need(string path, string field) =>
            files.TryGetValue(path, out var b) ? b : throw new ModelIntegrityException(path, field, "the manifest names this file but does not list it with a digest.");

        var a = manifest.Actor;
        var centroids = ArtifactJson.Parse(Need(a.CentroidsFile, "actor.centroids_file"), ScoringJsonContext.Default.ActorCentroids, a.CentroidsFile);
        var evidence = ArtifactJson.Parse(Need(a.EvidenceFile, "actor.evidence_file"), ScoringJsonContext.Default.ActorEvidence, a.EvidenceFile);
        if (!centroids.Labels.SequenceEqual(a.ClassLabels, StringComparer.Ordinal))
        {
            throw new ModelIntegrityException(a.CentroidsFile, "actor.class_labels", "centroid labels differ from the manifest's class labels.");
        }

        if (centroids.Centroids.Any(c => c.Length != manifest.FeatureSchema.Dimension))
        {
            throw new ModelIntegrityException(a.CentroidsFile, "feature_schema.dimension", "a centroid's length differs from the feature dimension.");
        }

        var set = ArtifactJson.Parse(Need(manifest.Baselines.File, "baselines.file"), ScoringJsonContext.Default.BaselineSet, manifest.Baselines.File);
        var sessions = new Dictionary<string, OnnxModelSession>(StringComparer.Ordinal);
        OnnxModelSession? actorSession = null;
        try
        {
            actorSession = OpenChecked(Need(a.OnnxFile, "actor.onnx_file"), a.ScoreOutput, a.OnnxFile, manifest.FeatureSchema.Dimension);
            foreach (var file in set.Baselines.Select(b => b.KMeansFile).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                sessions[file] = OpenChecked(Need(file, "baselines.kmeans_file"), set.KMeansOutput, file, manifest.FeatureSchema.Dimension);
            }

            var actor = new ActorScorer(actorSession, a, centroids, evidence);
            return new LoadedModel(manifest, files, actor, new BaselineScorer(set, sessions));
        }
        catch
        {
            actorSession?.Dispose();
            foreach (var s in sessions.Values)
            {
                s.Dispose();
            }

            throw;
        }
    }

    private static OnnxModelSession OpenChecked(byte[] bytes, string output, string file, int dimension)
    {
        OnnxModelSession session;
        try
        {
            session = new OnnxModelSession(bytes, output, file);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelIntegrityException(file, null, ex.Message);
        }

        if (session.InputDimension != dimension)
        {
            session.Dispose();
            throw new ModelIntegrityException(file, "feature_schema.dimension", $"the ONNX input takes {session.InputDimension} features, the manifest says {dimension}.");
        }

        return session;
    }

    public void Dispose()
    {
        Actor.Dispose();
        Baselines.Dispose();
    }
}
