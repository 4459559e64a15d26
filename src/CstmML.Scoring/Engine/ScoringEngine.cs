using CstmML.Core.Alerts;
using CstmML.Core.Models;
using CstmML.Core.Sequences;
using CstmML.Features.Featurization;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Matching;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Models;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Engine;

/// <summary>
/// The scorer shared by <c>cstm score</c> and the host: featurize, anomaly against the role's baseline, actor
/// attribution, playbooks, velocity, volume, then risk fusion with reasons. Thread-safe; ONNX sessions live as long
/// as the engine.
/// </summary>
public sealed class ScoringEngine : ISequenceScorer, IDisposable
{
    private readonly LoadedModel _model;
    private readonly SequenceFeaturizer _featurizer;
    private readonly PlaybookEngine _playbooks;
    private readonly AnomalyExplainer _explainer;
    private readonly ScoringEngineOptions _options;

    private ScoringEngine(LoadedModel model, SequenceFeaturizer featurizer, PlaybookEngine playbooks, ScoringEngineOptions options)
    {
        _model = model;
        _featurizer = featurizer;
        _playbooks = playbooks;
        _options = options;
        _explainer = new AnomalyExplainer(model.Baselines.Set);
        Model = new ModelRef(model.Manifest.Name, model.Manifest.Version);
    }

    /// <inheritdoc />
    public ModelRef Model { get; }

    /// <summary>The verified model (manifest, scorers).</summary>
    public LoadedModel LoadedModel => _model;

    /// <summary>The playbooks matched against every sequence.</summary>
    public PlaybookEngine Playbooks => _playbooks;

    /// <summary>
    /// Loads and verifies <paramref name="modelDirectory"/> (every file's SHA-256, the feature schema) and its playbook
    /// library. Throws <see cref="ModelIntegrityException"/> naming the file or field, or <see cref="InvalidDataException"/>
    /// for an invalid playbook library.
    /// </summary>
    public static ScoringEngine Load(string modelDirectory, ScoringEngineOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        options ??= new ScoringEngineOptions();
        var featurizer = new SequenceFeaturizer(options.Schema, options.IpReputation);
        var playbooks = LoadPlaybooks(options.PlaybooksDirectory ?? DefaultPlaybooksDirectory(modelDirectory));
        var model = ModelFolder.Load(modelDirectory, SchemaInfo(featurizer.Schema));
        return new ScoringEngine(model, featurizer, playbooks, options);
    }

    /// <summary>Wraps an already loaded model (the trainer's in-memory artifacts, tests).</summary>
    public static ScoringEngine Create(LoadedModel model, PlaybookEngine playbooks, ScoringEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(playbooks);
        options ??= new ScoringEngineOptions();
        var featurizer = new SequenceFeaturizer(options.Schema, options.IpReputation);
        var info = SchemaInfo(featurizer.Schema);
        if (model.Manifest.FeatureSchema != info)
        {
            throw new ModelIntegrityException(ModelConstants.ManifestFileName, "feature_schema", $"model has {model.Manifest.FeatureSchema}, the featurizer has {info}.");
        }

        return new ScoringEngine(model, featurizer, playbooks, options);
    }

    /// <summary>The manifest form of a featurizer schema (what <see cref="ModelFolder"/> compares).</summary>
    public static FeatureSchemaInfo SchemaInfo(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new FeatureSchemaInfo(schema.Version, schema.Dimension, schema.Fingerprint);
    }

    /// <summary>The model folder's <c>playbooks/</c> when it exists, else the <c>playbooks/</c> folder beside the model folder.</summary>
    public static string DefaultPlaybooksDirectory(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        var own = Path.Combine(modelDirectory, "playbooks");
        if (Directory.Exists(own))
        {
            return own;
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(modelDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        return Path.Combine(parent, "playbooks");
    }

    /// <summary>Loads a playbook library; errors name the file, line and column.</summary>
    public static PlaybookEngine LoadPlaybooks(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidDataException($"Playbook library '{directory}' not found (pass its folder in the options or put playbooks/ in the model folder).");
        }

        var loaded = PlaybookLoader.Load(directory);
        if (loaded.HasErrors)
        {
            var errors = loaded.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ToString());
            throw new InvalidDataException($"Playbook library '{directory}' is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return new PlaybookEngine(loaded.Playbooks);
    }

    /// <inheritdoc />
    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var n = sequences.Count;
        var dimension = _featurizer.Dimension;

        // The feature rows go straight into one per-thread matrix that ONNX Runtime reads in place: no array per
        // sequence, no copy per model. It is only used until the model runs below return.
        var scratch = ScoringScratch.Current;
        var matrix = scratch.Features(n * dimension);
        var tokens = new IReadOnlyList<string>[n];
        var techniques = new IReadOnlyList<TechniqueId>[n];
        var roles = new string[n];
        var cohorts = new string[n];
        var velocities = new VelocityProfile[n];
        var kind = _model.Baselines.Set.Tokens;
        for (var i = 0; i < n; i++)
        {
            var s = sequences[i] ?? throw new ArgumentException($"Sequence {i} of the batch is null.", nameof(sequences));
            velocities[i] = _featurizer.FeaturizeWithVelocity(s, matrix.AsSpan(i * dimension, dimension), _options.VelocityThresholds);
            tokens[i] = SequenceTokens.Of(s, kind);
            techniques[i] = s.Techniques;
            roles[i] = BaselineKeys.RoleOf(s);
            cohorts[i] = BaselineKeys.CohortOf(s);
        }

        // Batched inference: one ONNX run per batch for the actor, one per baseline for KMeans.
        var actors = _model.Actor.Score(matrix, n, dimension, techniques);
        var anomalies = _model.Baselines.Score(n, i => (roles[i], cohorts[i], tokens[i]), matrix, dimension, scratch.Gather(n * dimension), scratch.Rows(n));
        cancellationToken.ThrowIfCancellationRequested();
        var results = new ScoringResult[sequences.Count];
        for (var i = 0; i < sequences.Count; i++)
        {
            results[i] = Assemble(sequences[i], velocities[i], _explainer.Explain(anomalies[i], sequences[i], tokens[i]), actors[i], context);
        }

        return results;
    }

    private ScoringResult Assemble(AlertSequence s, VelocityProfile velocity, AnomalyResult anomaly, ActorResult actor, ScoringContext? context)
    {
        var playbooks = _playbooks.Match(s);
        var volume = context?.VolumeCovering?.Invoke(s.Start, s.End, s.Account, s.Principal) ?? [];
        var risk = RiskFusion.Fuse(anomaly, playbooks, actor, velocity, s.TacticChain, volume, _options.Risk);
        return new ScoringResult
        {
            SequenceId = s.SequenceId,
            Account = s.Account,
            Principal = s.Principal,
            PrincipalType = s.PrincipalType,
            Start = s.Start,
            End = s.End,
            AlertCount = s.Alerts.Count,
            Techniques = s.Techniques,
            TacticChain = s.TacticChain,
            AlertIds = AlertIds(s),
            Velocity = velocity,
            Anomaly = anomaly,
            Actor = actor,
            Playbooks = playbooks,
            Volume = volume,
            Risk = risk,
            Model = Model,
        };
    }

    private static string[] AlertIds(AlertSequence s)
    {
        var alerts = s.Alerts;
        var ids = new string[alerts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = alerts[i].Id;
        }

        return ids;
    }

    /// <summary>Closes the ONNX sessions.</summary>
    public void Dispose() => _model.Dispose();
}
