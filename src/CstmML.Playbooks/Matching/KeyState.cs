namespace CstmML.Playbooks.Matching;

/// <summary>The partial matches of one playbook for one group key.</summary>
internal sealed class KeyState(string key)
{
    public string Key { get; } = key;

    /// <summary>In creation order.</summary>
    public List<PartialMatch> Runs { get; } = [];

    /// <summary>End of the last detection emitted for this key; overlapping partial matches are suppressed.</summary>
    public long LastEmittedEnd { get; set; } = PartialMatch.None;
}
