using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using CstmML.Core.Alerts;
using CstmML.Core.Text;

namespace CstmML.Core.Attack;

/// <summary>
/// The pinned MITRE ATT&amp;CK Enterprise catalog (v18.1), embedded in the assembly: no file or network access at run
/// time. Ids from any source are normalized to this version with <see cref="Normalize"/>.
/// ATT&amp;CK data © The MITRE Corporation, reproduced under the ATT&amp;CK Terms of Use (training-data/reference/NOTICE.md).
/// </summary>
public sealed class AttackCatalog
{
    /// <summary>The pinned ATT&amp;CK version.</summary>
    public const string PinnedVersion = "18.1";

    private static readonly Lazy<AttackCatalog> LazyPinned = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<TechniqueId, AttackTechnique> _techniques;
    private readonly FrozenDictionary<string, (string Status, string? ReplacedBy)> _revocations;
    private readonly FrozenDictionary<string, TechniqueId> _v19ToPinned;
    private readonly FrozenDictionary<TacticId, AttackTactic> _tactics;
    private readonly FrozenDictionary<string, AttackTactic> _tacticsByName;
    private readonly FrozenDictionary<string, AttackEntity> _entities;

    private AttackCatalog(
        IReadOnlyList<AttackTactic> tactics,
        Dictionary<TechniqueId, AttackTechnique> techniques,
        Dictionary<string, (string, string?)> revocations,
        Dictionary<string, TechniqueId> v19,
        IReadOnlyList<AttackEntity> entities)
    {
        Tactics = tactics;
        _tactics = tactics.ToFrozenDictionary(t => t.Id);
        var byName = new Dictionary<string, AttackTactic>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in tactics)
        {
            byName[t.ShortName] = t;
            byName[t.Name] = t;
            byName[t.Name.Replace(" ", string.Empty, StringComparison.Ordinal)] = t;
            byName[t.Id.Value] = t;
        }

        // ATT&CK v19 renamed TA0005 "Stealth" and split "Defense Impairment" (TA0112) off it; both are TA0005 in v18.1.
        var defenseEvasion = _tactics[TacticId.Parse("TA0005")];
        foreach (var alias in new[] { "stealth", "Stealth", "defense-impairment", "Defense Impairment", "DefenseImpairment", "TA0112" })
        {
            byName[alias] = defenseEvasion;
        }

        _tacticsByName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _techniques = techniques.ToFrozenDictionary();
        _revocations = revocations.ToFrozenDictionary(StringComparer.Ordinal);
        _v19ToPinned = v19.ToFrozenDictionary(StringComparer.Ordinal);
        Groups = entities.Where(e => e.Kind == "group").ToArray();
        Software = entities.Where(e => e.Kind is "malware" or "tool" or "software").ToArray();
        Campaigns = entities.Where(e => e.Kind == "campaign").ToArray();
        var ents = new Dictionary<string, AttackEntity>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entities)
        {
            ents.TryAdd(e.Id, e);
        }

        foreach (var e in entities)
        {
            ents.TryAdd(e.Name, e);
            foreach (var a in e.Aliases)
            {
                ents.TryAdd(a, e);
            }
        }

        _entities = ents.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog embedded in this assembly.</summary>
    public static AttackCatalog Pinned => LazyPinned.Value;

    /// <summary>The 14 Enterprise tactics in kill-chain order.</summary>
    public IReadOnlyList<AttackTactic> Tactics { get; }

    /// <summary>All live techniques and sub-techniques.</summary>
    public IEnumerable<AttackTechnique> Techniques => _techniques.Values;

    public IReadOnlyList<AttackEntity> Groups { get; }

    public IReadOnlyList<AttackEntity> Software { get; }

    public IReadOnlyList<AttackEntity> Campaigns { get; }

    /// <summary>Looks up a live technique.</summary>
    public bool TryGetTechnique(TechniqueId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AttackTechnique? technique) =>
        _techniques.TryGetValue(id, out technique);

    /// <summary>True when <paramref name="id"/> is a live technique of the pinned version.</summary>
    public bool Contains(TechniqueId id) => _techniques.ContainsKey(id);

    /// <summary>Looks up a tactic by id.</summary>
    public bool TryGetTactic(TacticId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AttackTactic? tactic) =>
        _tactics.TryGetValue(id, out tactic);

    /// <summary>
    /// Resolves a tactic written as an id (TA0007), a short name (discovery), a display name (Defense Evasion) or a
    /// CamelCase name (DefenseEvasion, as Defender writes them). v19 names map to their v18.1 tactic.
    /// </summary>
    public bool TryResolveTactic(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AttackTactic? tactic)
    {
        tactic = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Trim();
        if (_tacticsByName.TryGetValue(key, out tactic))
        {
            return true;
        }

        var squashed = key.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal);
        return _tacticsByName.TryGetValue(squashed, out tactic);
    }

    /// <summary>The kill-chain position of a tactic (1..14), or int.MaxValue for an unknown one.</summary>
    public int TacticOrder(TacticId id) => _tactics.TryGetValue(id, out var t) ? t.Order : int.MaxValue;

    /// <summary>The distinct tactics of the given techniques, in kill-chain order.</summary>
    public IReadOnlyList<TacticId> TacticsOf(IEnumerable<TechniqueId> techniques)
    {
        ArgumentNullException.ThrowIfNull(techniques);
        var set = new HashSet<TacticId>();
        foreach (var t in techniques)
        {
            if (_techniques.TryGetValue(t, out var tech))
            {
                set.UnionWith(tech.Tactics);
            }
        }

        return OrderTactics(set);
    }

    /// <summary>Distinct tactics in kill-chain order.</summary>
    public IReadOnlyList<TacticId> OrderTactics(IEnumerable<TacticId> tactics) =>
        tactics.Distinct().OrderBy(TacticOrder).ThenBy(t => t.Value, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a group, software or campaign by id (G0139), name or alias.</summary>
    public bool TryGetEntity(string idOrName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AttackEntity? entity) =>
        _entities.TryGetValue(idOrName.Trim(), out entity);

    /// <summary>
    /// Normalizes a technique id from any source to the pinned version: revoked ids follow their replacement,
    /// v19 ids go back through the crosswalk, unknown sub-techniques fall back to a known parent; anything else fails
    /// with a note. Never throws.
    /// </summary>
    public TechniqueNormalization Normalize(string? text)
    {
        var input = text ?? string.Empty;
        if (!TechniqueId.TryParse(input, out var id))
        {
            return new(input, TechniqueNormalizationStatus.Invalid, null, "not a technique id (Tnnnn or Tnnnn.nnn)");
        }

        if (_techniques.ContainsKey(id))
        {
            return new(input, TechniqueNormalizationStatus.Current, id, null);
        }

        var current = id;
        for (var hops = 0; hops < 8 && _revocations.TryGetValue(current.Value, out var rev); hops++)
        {
            if (rev.ReplacedBy is null || !TechniqueId.TryParse(rev.ReplacedBy, out var next))
            {
                return new(input, TechniqueNormalizationStatus.Deprecated, null, $"{current} is {rev.Status} in ATT&CK {PinnedVersion} with no replacement");
            }

            current = next;
            if (_techniques.ContainsKey(current))
            {
                return new(input, TechniqueNormalizationStatus.Revoked, current, $"{id} was {rev.Status}; replaced by {current}");
            }
        }

        if (_v19ToPinned.TryGetValue(id.Value, out var pinned))
        {
            return new(input, TechniqueNormalizationStatus.Crosswalked, pinned, $"ATT&CK v19 {id} maps to {pinned} in {PinnedVersion}");
        }

        if (id.IsSubTechnique)
        {
            var parent = Normalize(id.Parent.Value);
            if (parent.Id is { } p)
            {
                return new(input, TechniqueNormalizationStatus.Generalized, p, $"{id} is not in ATT&CK {PinnedVersion}; generalized to {p}");
            }
        }

        return new(input, TechniqueNormalizationStatus.Unknown, null, $"{id} is not in ATT&CK {PinnedVersion} and has no known replacement");
    }

    private static AttackCatalog Load()
    {
        var tactics = new List<AttackTactic>();
        foreach (var r in Rows("tactics.csv"))
        {
            tactics.Add(new AttackTactic(TacticId.Parse(r["tactic_id"]), r["shortname"], r["name"], int.Parse(r["order"], CultureInfo.InvariantCulture)));
        }

        tactics.Sort((a, b) => a.Order.CompareTo(b.Order));
        var byShort = tactics.ToDictionary(t => t.ShortName, StringComparer.Ordinal);

        var techniques = new Dictionary<TechniqueId, AttackTechnique>();
        foreach (var r in Rows("techniques.csv"))
        {
            var id = TechniqueId.Parse(r["technique_id"]);
            var tacts = Split(r["tactics"]).Select(s => byShort[s]).OrderBy(t => t.Order).Select(t => t.Id).ToArray();
            TechniqueId? parent = string.IsNullOrEmpty(r["parent_id"]) ? null : TechniqueId.Parse(r["parent_id"]);
            techniques[id] = new AttackTechnique(id, r["name"], r["full_name"], parent, tacts, Split(r["platforms"]), r["cloud_relevant"] == "true");
        }

        var revocations = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var r in Rows("technique_revocations.csv"))
        {
            revocations[r["old_technique_id"]] = (r["status"], string.IsNullOrEmpty(r["replaced_by_id"]) ? null : r["replaced_by_id"]);
        }

        // v19 -> v18.1: where several v18 ids became one v19 id, the pairing Sigma re-tagged most often wins.
        var v19 = new Dictionary<string, (TechniqueId Id, int Count)>(StringComparer.Ordinal);
        foreach (var r in Rows("attack_v18_to_v19_crosswalk_observed.csv"))
        {
            if (!TechniqueId.TryParse(r["v18_technique_id"], out var old) || !TechniqueId.TryParse(r["v19_technique_id"], out var neu))
            {
                continue; // tactic rows are handled by TryResolveTactic
            }

            var count = int.Parse(r["sigma_rule_retags_observed"], CultureInfo.InvariantCulture);
            if (!v19.TryGetValue(neu.Value, out var best) || count > best.Count)
            {
                v19[neu.Value] = (old, count);
            }
        }

        var aliases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var r in Rows("groups.csv"))
        {
            aliases[r["group_id"]] = Split(r["aliases"]);
        }

        var entities = new List<AttackEntity>();
        foreach (var g in Rows("entity_techniques.csv").GroupBy(r => (Kind: r["entity_type"], Id: r["entity_id"], Name: r["entity_name"])))
        {
            var techs = g.Select(r => TechniqueId.Parse(r["technique_id"])).Distinct().Order().ToArray();
            entities.Add(new AttackEntity(g.Key.Kind, g.Key.Id, g.Key.Name, aliases.GetValueOrDefault(g.Key.Id, []), techs));
        }

        return new AttackCatalog(tactics, techniques, revocations, v19.ToDictionary(kv => kv.Key, kv => kv.Value.Id, StringComparer.Ordinal), entities);
    }

    private static string[] Split(string s) =>
        s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<IReadOnlyDictionary<string, string>> Rows(string name) =>
        EmbeddedCsv.ReadRows(Assembly.GetExecutingAssembly(), "CstmML.Core.Attack.Data." + name);
}
