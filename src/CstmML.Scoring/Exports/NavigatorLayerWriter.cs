using System.Globalization;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Exports;

/// <summary>
/// Builds ATT&amp;CK Navigator layers (format 4.5) from scoring results: one layer for the run (observed techniques
/// scored by count or maximum risk) and one per actor hypothesis, which adds the actor's known but unobserved
/// techniques as hunt leads. Pure: no clock, no I/O except <see cref="Write"/>.
/// </summary>
public sealed class NavigatorLayerWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly AttackCatalog _catalog;
    private readonly NavigatorLayerOptions _options;

    public NavigatorLayerWriter(AttackCatalog catalog, NavigatorLayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _options = options ?? new NavigatorLayerOptions();
        if (_options.GradientColors.Count < 2)
        {
            throw new ArgumentException("GradientColors needs at least two colours (layer format 4.5).", nameof(options));
        }
    }

    /// <summary>The run layer first, then one layer per actor hypothesis in label order.</summary>
    public IReadOnlyList<NavigatorLayer> BuildLayers(IReadOnlyList<ScoringResult> results, string runName)
    {
        ArgumentNullException.ThrowIfNull(results);
        var layers = new List<NavigatorLayer> { BuildRunLayer(results, runName) };
        foreach (var group in ByActor(results))
        {
            layers.Add(BuildActorLayer(group.Key, group.Value, runName));
        }

        return layers;
    }

    /// <summary>The actor hypotheses of a run: the top label of every result that did not abstain, grouped by label.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ScoringResult>> ByActor(IReadOnlyList<ScoringResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var map = new SortedDictionary<string, List<ScoringResult>>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (r.Actor is { Abstained: false } a && !string.IsNullOrWhiteSpace(a.Label) &&
                !string.Equals(a.Label, "unknown", StringComparison.OrdinalIgnoreCase))
            {
                var label = a.Label.Trim();
                if (!map.TryGetValue(label, out var list))
                {
                    map[label] = list = [];
                }

                list.Add(r);
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ScoringResult>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>All observed techniques of the run, scored per <see cref="NavigatorLayerOptions.ScoreMode"/>.</summary>
    public NavigatorLayer BuildRunLayer(IReadOnlyList<ScoringResult> results, string runName)
    {
        ArgumentNullException.ThrowIfNull(results);
        var stats = Observe(results);
        var entries = stats.Values.Select(ObservedEntry).ToList();
        return new NavigatorLayer
        {
            Name = $"{runName} - observed techniques",
            Description = $"Techniques observed in {results.Count} scored sequence(s), scored by {ModeText}. " +
                          "Comments give the sequence count, maximum risk, time span and principals.",
            Techniques = WithParents(entries),
            Gradient = Gradient(stats),
            LegendItems = [new NavigatorLegendItem($"Observed ({ModeText})", _options.GradientColors[^1])],
            Metadata = LayerMetadata(results.Count),
        };
    }

    /// <summary>
    /// The techniques observed in one actor's sequences plus, when the label maps to an ATT&amp;CK entity, the
    /// entity's known techniques that were not observed, as hunt leads in <see cref="NavigatorLayerOptions.HuntLeadColor"/>.
    /// </summary>
    public NavigatorLayer BuildActorLayer(string actorLabel, IReadOnlyList<ScoringResult> actorResults, string runName)
    {
        ArgumentNullException.ThrowIfNull(actorLabel);
        ArgumentNullException.ThrowIfNull(actorResults);
        var stats = Observe(actorResults);
        var entries = stats.Values.Select(ObservedEntry).ToList();
        var maxP = actorResults.Count == 0 ? 0 : actorResults.Max(r => r.Actor?.Probability ?? 0);
        var head = $"Actor hypothesis '{actorLabel}': {actorResults.Count} sequence(s), calibrated probability up to " +
                   $"{maxP.ToString("0.00", CultureInfo.InvariantCulture)}. Observed techniques are scored by {ModeText}. ";
        var legend = new List<NavigatorLegendItem> { new($"Observed ({ModeText})", _options.GradientColors[^1]) };
        var metadata = LayerMetadata(actorResults.Count).ToList();
        metadata.Add(new NavigatorMetadata(NavigatorFields.MetaActor, actorLabel));

        string description;
        if (ActorEntities.TryResolve(_catalog, actorLabel, out var entity))
        {
            var leads = HuntLeads(entity, stats.Keys, actorLabel, actorResults.Count);
            entries.AddRange(leads);
            legend.Add(new NavigatorLegendItem($"Hunt lead: known for {entity.Name}, not observed", _options.HuntLeadColor));
            metadata.Add(new NavigatorMetadata(NavigatorFields.MetaAttackEntity, entity.Id));
            description = head + $"'{actorLabel}' is ATT&CK {entity.Kind} {entity.Name} ({entity.Id}); {leads.Count} technique(s) it is " +
                          $"known for in ATT&CK {AttackCatalog.PinnedVersion} were not observed and are listed as hunt leads " +
                          $"(colour {_options.HuntLeadColor}, unscored).";
        }
        else
        {
            description = head + $"'{actorLabel}' has no ATT&CK group or software entity in ATT&CK {AttackCatalog.PinnedVersion}, " +
                          "so this layer lists no hunt leads.";
        }

        return new NavigatorLayer
        {
            Name = $"{runName} - {actorLabel}",
            Description = description,
            Techniques = WithParents(entries),
            Gradient = Gradient(stats),
            LegendItems = legend,
            Metadata = metadata,
        };
    }

    /// <summary>Writes one layer as an object, several as the 4.5 multi-layer list.</summary>
    public static void Write(Stream stream, IReadOnlyList<NavigatorLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 1)
        {
            JsonSerializer.Serialize(stream, layers[0], JsonOptions);
        }
        else
        {
            JsonSerializer.Serialize(stream, layers, JsonOptions);
        }
    }

    /// <summary>The layers as JSON text (see <see cref="Write"/>).</summary>
    public static string Serialize(IReadOnlyList<NavigatorLayer> layers)
    {
        using var ms = new MemoryStream();
        Write(ms, layers);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private string ModeText => _options.ScoreMode == NavigatorScoreMode.Count ? "sequence count" : "maximum risk";

    private static SortedDictionary<TechniqueId, TechniqueStats> Observe(IReadOnlyList<ScoringResult> results)
    {
        var stats = new SortedDictionary<TechniqueId, TechniqueStats>();
        foreach (var r in results)
        {
            foreach (var t in r.Techniques.Distinct())
            {
                if (!stats.TryGetValue(t, out var s))
                {
                    stats[t] = s = new TechniqueStats(t);
                }

                s.Add(r);
            }
        }

        return stats;
    }

    private NavigatorTechnique ObservedEntry(TechniqueStats s)
    {
        var principals = s.Principals.Take(_options.MaxPrincipalsListed).ToList();
        var more = s.Principals.Count - principals.Count;
        var principalText = string.Join(", ", principals) + (more > 0 ? $" (+{more} more)" : string.Empty);
        var score = _options.ScoreMode == NavigatorScoreMode.Count ? s.Sequences : s.MaxRisk;
        return new NavigatorTechnique
        {
            TechniqueId = s.Id.Value,
            Score = score,
            Comment = $"{Name(s.Id)}: observed in {s.Sequences} sequence(s), max risk {s.MaxRisk}, " +
                      $"{Iso(s.First)} to {Iso(s.Last)}; principals: {principalText}",
            Metadata =
            [
                new(NavigatorFields.MetaSequences, s.Sequences.ToString(CultureInfo.InvariantCulture)),
                new(NavigatorFields.MetaMaxRisk, s.MaxRisk.ToString(CultureInfo.InvariantCulture)),
                new(NavigatorFields.MetaFirstSeen, Iso(s.First)),
                new(NavigatorFields.MetaLastSeen, Iso(s.Last)),
                new(NavigatorFields.MetaPrincipals, principalText),
            ],
        };
    }

    private List<NavigatorTechnique> HuntLeads(AttackEntity entity, IEnumerable<TechniqueId> observed, string label, int sequences)
    {
        var seen = observed.ToList();
        var leads = new List<NavigatorTechnique>();
        foreach (var known in entity.Techniques.Order())
        {
            // An observed sub-technique covers its parent: the actor's behaviour was seen, only more precisely.
            if (seen.Any(o => o == known || o.IsWithin(known)))
            {
                continue;
            }

            var live = _catalog.TryGetTechnique(known, out var technique);
            if (_options.HuntLeadsCloudOnly && !(live && technique!.CloudRelevant))
            {
                continue;
            }

            leads.Add(new NavigatorTechnique
            {
                TechniqueId = known.Value,
                Color = _options.HuntLeadColor,
                Comment = $"Hunt lead: {entity.Name} ({entity.Id}) is known to use {known.Value} {Name(known)}; " +
                          $"not observed in this run's {sequences} '{label}' sequence(s).",
                Metadata =
                [
                    new(NavigatorFields.MetaHuntLead, "true"),
                    new(NavigatorFields.MetaAttackEntity, entity.Id),
                ],
            });
        }

        return leads;
    }

    // Sub-techniques are hidden under their parent unless the parent asks to show them; add or flag the parent.
    private List<NavigatorTechnique> WithParents(List<NavigatorTechnique> entries)
    {
        var byId = entries.ToDictionary(e => e.TechniqueId, StringComparer.Ordinal);
        foreach (var e in entries.ToList())
        {
            if (!TechniqueId.TryParse(e.TechniqueId, out var id) || !id.IsSubTechnique)
            {
                continue;
            }

            var parent = id.Parent.Value;
            byId[parent] = byId.TryGetValue(parent, out var p)
                ? p with { ShowSubtechniques = true }
                : new NavigatorTechnique
                {
                    TechniqueId = parent,
                    Comment = $"{Name(id.Parent)}: shown to expand its annotated sub-techniques",
                    ShowSubtechniques = true,
                };
        }

        return byId.Values.OrderBy(e => e.TechniqueId, StringComparer.Ordinal).ToList();
    }

    private NavigatorGradient Gradient(SortedDictionary<TechniqueId, TechniqueStats> stats)
    {
        var max = _options.ScoreMode == NavigatorScoreMode.Count
            ? Math.Max(1, stats.Count == 0 ? 1 : stats.Values.Max(s => s.Sequences))
            : 100;
        return new NavigatorGradient(_options.GradientColors, 0, max);
    }

    private List<NavigatorMetadata> LayerMetadata(int sequences) =>
    [
        new(NavigatorFields.MetaGenerator, "CstmML"),
        new(NavigatorFields.MetaScoreMode, _options.ScoreMode == NavigatorScoreMode.Count ? "count" : "max_risk"),
        new(NavigatorFields.MetaSequences, sequences.ToString(CultureInfo.InvariantCulture)),
        new("attack_version", AttackCatalog.PinnedVersion),
    ];

    private string Name(TechniqueId id) => _catalog.TryGetTechnique(id, out var t) ? t.FullName : "(not in ATT&CK " + AttackCatalog.PinnedVersion + ")";

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private sealed class TechniqueStats(TechniqueId id)
    {
        public TechniqueId Id { get; } = id;

        public int Sequences { get; private set; }

        public int MaxRisk { get; private set; }

        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

        public SortedSet<string> Principals { get; } = new(StringComparer.Ordinal);

        public void Add(ScoringResult r)
        {
            Sequences++;
            MaxRisk = Math.Max(MaxRisk, r.Risk.Score);
            First = r.Start < First ? r.Start : First;
            Last = r.End > Last ? r.End : Last;
            Principals.Add(r.Principal);
        }
    }
}
