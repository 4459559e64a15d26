using CstmML.Core.Alerts;
using CstmML.Core.Attack;

namespace CstmML.Ingestion.Mapping;

/// <summary>
/// Collects the technique mappings of one alert from any number of sources, normalizes every id to the pinned
/// ATT&amp;CK catalog and keeps, per technique, the strongest evidence. Ids that cannot be normalized become notes,
/// never silent drops.
/// </summary>
public sealed class MappingBuilder
{
    private readonly AttackCatalog _catalog;
    private readonly Dictionary<TechniqueId, TechniqueMapping> _best = [];
    private List<string>? _notes;
    private HashSet<TacticId>? _extraTactics;

    public MappingBuilder(AttackCatalog? catalog = null) => _catalog = catalog ?? AttackCatalog.Pinned;

    /// <summary>Notes about ids that were changed or could not be kept.</summary>
    public IReadOnlyList<string> Notes => (IReadOnlyList<string>?)_notes ?? [];

    /// <summary>Adds a technique given as text in any ATT&amp;CK version.</summary>
    public void Add(string? rawTechnique, MappingSource source, double confidence, string? rule = null)
    {
        var n = _catalog.Normalize(rawTechnique);
        if (n.Id is { } id)
        {
            if (n.Status != TechniqueNormalizationStatus.Current)
            {
                (_notes ??= []).Add(n.Note!);
            }

            Add(new TechniqueMapping(id, source, confidence, rule));
        }
        else
        {
            (_notes ??= []).Add($"technique '{rawTechnique}' dropped from {source} mapping: {n.Note}");
        }
    }

    /// <summary>Adds mappings already normalized (e.g. from a curated table checked at build time).</summary>
    public void AddRange(IEnumerable<TechniqueMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        foreach (var m in mappings)
        {
            Add(m);
        }
    }

    /// <summary>Adds one mapping; the higher confidence wins for a technique, then the earlier source in enum order.</summary>
    public void Add(TechniqueMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (!_best.TryGetValue(mapping.Technique, out var prior) || mapping.Confidence > prior.Confidence ||
            (mapping.Confidence == prior.Confidence && mapping.Source < prior.Source))
        {
            _best[mapping.Technique] = mapping;
        }
    }

    /// <summary>Adds a tactic the provider stated natively even when no technique is given (e.g. Defender "Tactics").</summary>
    public void AddTactic(string? rawTactic)
    {
        if (_catalog.TryResolveTactic(rawTactic, out var t))
        {
            (_extraTactics ??= []).Add(t.Id);
        }
        else if (!string.IsNullOrWhiteSpace(rawTactic))
        {
            (_notes ??= []).Add($"tactic '{rawTactic}' is not an ATT&CK {AttackCatalog.PinnedVersion} tactic");
        }
    }

    /// <summary>Techniques ordered by id, their tactics in kill-chain order, and the mapping list.</summary>
    public (IReadOnlyList<TechniqueId> Techniques, IReadOnlyList<TacticId> Tactics, IReadOnlyList<TechniqueMapping> Mapping) Build()
    {
        if (_best.Count == 0 && _extraTactics is null)
        {
            return ([], [], []);
        }

        var techniques = _best.Keys.Order().ToArray();
        var mapping = techniques.Select(t => _best[t]).ToArray();
        var tactics = _catalog.TacticsOf(techniques);
        if (_extraTactics is not null)
        {
            tactics = _catalog.OrderTactics(tactics.Concat(_extraTactics));
        }

        return (techniques, tactics, mapping);
    }
}
