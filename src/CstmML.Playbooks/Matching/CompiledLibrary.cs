using System.Collections.Frozen;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>
/// All playbooks compiled, with an index from alert type, technique and tactic to the steps that could match, so each
/// alert touches only candidate steps. Immutable and shared by every session.
/// </summary>
internal sealed class CompiledLibrary
{
    public CompiledLibrary(IReadOnlyList<Playbook> playbooks)
    {
        Playbooks = playbooks.Select((p, i) => new CompiledPlaybook(p, i)).ToArray();
        var byType = new Dictionary<string, List<StepRef>>(StringComparer.Ordinal);
        var byTechnique = new Dictionary<TechniqueId, List<StepRef>>();
        var byTactic = new Dictionary<TacticId, List<StepRef>>();
        var always = new List<StepRef>();
        var steps = new List<CompiledStep>();
        foreach (var p in Playbooks)
        {
            foreach (var s in p.Steps)
            {
                var r = new StepRef(p.Index, s.Index, steps.Count);
                steps.Add(s);
                var c = s.Criteria;

                // Index on the most selective field that every matching alert must carry; globs go to 'always'.
                var exactTypes = c.Types.Length > 0 ? c.Types : c.EventNames;
                if (exactTypes.Length > 0 && exactTypes.All(g => g.IsExact))
                {
                    foreach (var g in exactTypes)
                    {
                        Add(byType, g.Pattern, r);
                    }
                }
                else if (exactTypes.Length == 0 && c.Techniques.Length > 0)
                {
                    foreach (var t in c.Techniques)
                    {
                        Add(byTechnique, t, r);
                    }
                }
                else if (exactTypes.Length == 0 && c.Tactics.Length > 0)
                {
                    foreach (var t in c.Tactics)
                    {
                        Add(byTactic, t, r);
                    }
                }
                else
                {
                    always.Add(r);
                }
            }
        }

        Steps = [.. steps];
        ByType = byType.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        ByTechnique = byTechnique.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        ByTactic = byTactic.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _byParent = byTechnique.ToFrozenDictionary(kv => kv.Key.Value, kv => kv.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Always = [.. always];
    }

    // ByTechnique by text, looked up by a sub-technique's first five characters: its parent without a new string.
    private readonly FrozenDictionary<string, StepRef[]>.AlternateLookup<ReadOnlySpan<char>> _byParent;

    public CompiledPlaybook[] Playbooks { get; }

    /// <summary>Every step, indexed by <see cref="StepRef.Global"/>.</summary>
    public CompiledStep[] Steps { get; }

    public FrozenDictionary<string, StepRef[]> ByType { get; }

    public FrozenDictionary<TechniqueId, StepRef[]> ByTechnique { get; }

    public FrozenDictionary<TacticId, StepRef[]> ByTactic { get; }

    /// <summary>Steps that must be tested against every alert (globs, service- or outcome-only matches).</summary>
    public StepRef[] Always { get; }

    /// <summary>
    /// Whether <paramref name="alert"/> matches a step that can open a partial match. A stream in which no alert can
    /// start one yields no detection, so batch callers skip the matcher for it.
    /// </summary>
    public bool CanStart(NormalizedAlert alert)
    {
        if (ByType.TryGetValue(alert.Type, out var refs) && AnyStart(refs, alert))
        {
            return true;
        }

        // Indexed loops: foreach over IReadOnlyList<T> would box an enumerator per alert.
        var techniques = alert.Techniques;
        for (var i = 0; i < techniques.Count; i++)
        {
            var t = techniques[i];
            if ((ByTechnique.TryGetValue(t, out refs) && AnyStart(refs, alert))
                || (t.IsSubTechnique && TryGetParentSteps(t, out refs) && AnyStart(refs, alert)))
            {
                return true;
            }
        }

        var tactics = alert.Tactics;
        for (var i = 0; i < tactics.Count; i++)
        {
            if (ByTactic.TryGetValue(tactics[i], out refs) && AnyStart(refs, alert))
            {
                return true;
            }
        }

        return AnyStart(Always, alert);
    }

    /// <summary>The steps indexed under the parent of sub-technique <paramref name="subTechnique"/> (same as <c>ByTechnique[t.Parent]</c>).</summary>
    public bool TryGetParentSteps(TechniqueId subTechnique, out StepRef[] refs) =>
        _byParent.TryGetValue(subTechnique.Value.AsSpan(0, 5), out refs!);

    private bool AnyStart(StepRef[] refs, NormalizedAlert alert)
    {
        foreach (var r in refs)
        {
            if ((Playbooks[r.Playbook].StartMask & (1UL << r.Step)) != 0 && Steps[r.Global].Criteria.IsMatch(alert))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add<TKey>(Dictionary<TKey, List<StepRef>> index, TKey key, StepRef r)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(r);
    }
}
