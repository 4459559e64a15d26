using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Logging;
using CstmML.Host.Metrics;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Models;

/// <summary>
/// Holds the serving model. A new model is loaded completely aside and then swapped in with one reference write, so a
/// request sees either the old or the new model, never a half-loaded one; a model that fails to load is refused and the
/// old one keeps serving. Models come only from the configured folder. A new model is warmed up (<see cref="ScoringWarmup"/>)
/// before it is swapped in, so the first requests it serves do not wait for the JIT; one that fails the warm-up is refused.
/// </summary>
internal sealed class ModelRegistry(IOptions<ScoringHostOptions> options, ScorerLoader loader, ScoringWarmup warmup, TimeProvider time, HostMetrics metrics, ILogger<ModelRegistry> log)
{
    private readonly Lock _reloadLock = new();
    private volatile ServingModel? _current;
    private string? _refused;

    /// <summary>The serving model, or null when none loaded yet.</summary>
    public ServingModel? Current => _current;

    /// <summary>The configured model folder.</summary>
    public string Directory => options.Value.ModelDirectory;

    /// <summary>Loads the folder if its fingerprint changed (or nothing is loaded); true when a new model now serves.</summary>
    public bool TryReload()
    {
        lock (_reloadLock)
        {
            var fingerprint = ModelFingerprint.Of(Directory);
            if (_current is { } cur && cur.Fingerprint == fingerprint)
            {
                return false;
            }

            if (fingerprint == _refused)
            {
                return false;
            }

            try
            {
                var scorer = loader.Load(Directory);
                try
                {
                    warmup.Run(scorer);
                }
                catch
                {
                    (scorer as IDisposable)?.Dispose();
                    throw;
                }

                var info = new ModelInfo(scorer.Model.Name, scorer.Model.Version, ManifestSchema.Read(Directory), time.GetUtcNow());
                var previous = _current;
                _current = new ServingModel(scorer, info, fingerprint);
                metrics.ModelLoaded(info.Name, info.Version);
                Log.ModelLoaded(log, info.Name, info.Version);
                (previous?.Scorer as IDisposable)?.Dispose();
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bad model is refused and the old one keeps serving; the same bad files are not retried every poll.
                _refused = fingerprint;
                metrics.ModelLoadFailed();
                Log.ModelRefused(log, ex.GetType().Name, ex.Message);
                return false;
            }
        }
    }
}
