namespace CstmML.Playbooks.Matching;

/// <summary>The partial matches of one playbook for one group key.</summary>
internal sealed class KeyState(StateKey key)
{
    public StateKey Key { get; private set; } = key;

    /// <summary>When the state's current expiry-queue entry is due (long.MaxValue: not queued); older entries are stale.</summary>
    public long Due { get; set; } = long.MaxValue;

    /// <summary>In creation order.</summary>
    public List<PartialMatch> Runs { get; } = [];

    /// <summary>End of the last detection emitted for this key; overlapping partial matches are suppressed.</summary>
    public long LastEmittedEnd { get; set; } = PartialMatch.None;

    /// <summary>Makes a released state (no runs left) the fresh state of <paramref name="newKey"/>.</summary>
    public KeyState Reuse(StateKey newKey)
    {
        Key = newKey;
        Due = long.MaxValue;
        Runs.Clear();
        LastEmittedEnd = PartialMatch.None;
        return this;
    }
}
