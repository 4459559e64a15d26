using System.Numerics;

namespace CstmML.Playbooks.Matching;

/// <summary>One in-progress match of one playbook for one group key (a "run").</summary>
internal sealed class PartialMatch
{
    public const long None = long.MinValue;

    public PartialMatch(int stepCount, long seq)
    {
        Ids = new object?[stepCount];
        Seq = seq;
    }

    /// <summary>Creation order, for deterministic iteration and eviction.</summary>
    public long Seq { get; set; }

    /// <summary>Event time (ticks) of the first contributing alert.</summary>
    public long Start { get; set; } = None;

    /// <summary>Event time of the latest contributing alert (the span's end).</summary>
    public long End { get; set; } = None;

    /// <summary>Event time of the latest step that held; 'within' is measured from here.</summary>
    public long Last { get; set; } = None;

    /// <summary>The <see cref="Last"/> of the stages before the current one (anchor for steps of the current stage).</summary>
    public long PrevStageLast { get; set; } = None;

    public int Stage { get; set; }

    /// <summary>Bit per step that holds.</summary>
    public ulong Matched { get; set; }

    /// <summary>Per step: null, one alert id (string), or a List&lt;string&gt; for count/distinct steps.</summary>
    public object?[] Ids { get; }

    public StepAccumulator?[]? Accumulators { get; set; }

    /// <summary>Open negation periods: (absent step, from exclusive, until inclusive).</summary>
    public List<(int Step, long From, long Until)>? Negations { get; set; }

    /// <summary>Every positive step holds, but a negation period is still open.</summary>
    public bool CompletePending { get; set; }

    /// <summary>Clears the match for reuse as a fresh one (a newer start in the same state replaces it).</summary>
    public void Reset(long seq)
    {
        Seq = seq;
        Start = End = Last = PrevStageLast = None;
        Stage = 0;
        Matched = 0;
        Array.Clear(Ids);

        // Emptied rather than dropped: an empty list or array reads as none everywhere (no accumulator open, no
        // negation period), and a reused run keeps them.
        if (Accumulators is not null)
        {
            Array.Clear(Accumulators);
        }

        Negations?.Clear();
        CompletePending = false;
    }

    /// <summary>Records an alert id for a step, keeping at most <paramref name="cap"/> (the newest).</summary>
    public void AddId(int step, string id, int cap)
    {
        switch (Ids[step])
        {
            case null:
                Ids[step] = id;
                break;
            case string first:
                Ids[step] = new List<string>(4) { first, id };
                break;
            case List<string> list:
                if (list.Count >= cap)
                {
                    list.RemoveAt(0);
                }

                list.Add(id);
                break;
        }
    }

    /// <summary>The alert ids recorded for a step.</summary>
    public string[] IdsOf(int step) => Ids[step] switch
    {
        string one => [one],
        List<string> list => [.. list],
        _ => [],
    };

    public int MatchedCount(ulong positiveMask) => BitOperations.PopCount(Matched & positiveMask);

    /// <summary>True while a count/distinct step has collected alerts but does not hold yet.</summary>
    public bool HasOpenAccumulator()
    {
        if (Accumulators is null)
        {
            return false;
        }

        foreach (var a in Accumulators)
        {
            if (a is not null && !a.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of the last open negation period (None when there is none).</summary>
    public long NegationsUntil()
    {
        var until = None;
        if (Negations is not null)
        {
            foreach (var n in Negations)
            {
                until = Math.Max(until, n.Until);
            }
        }

        return until;
    }

    /// <summary>True when every open negation period ended before <paramref name="ticks"/>.</summary>
    public bool NegationsElapsed(long ticks)
    {
        if (Negations is null)
        {
            return true;
        }

        foreach (var n in Negations)
        {
            if (n.Until >= ticks)
            {
                return false;
            }
        }

        return true;
    }
}
