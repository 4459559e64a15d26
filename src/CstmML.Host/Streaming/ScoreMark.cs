namespace CstmML.Host.Streaming;

/// <summary>
/// What an open session looked like when it was last scored: its first alert (which names the session), its size and
/// last alert, and the playbooks its result had complete. The re-score policy compares the session against it.
/// <see cref="Matcher"/> is the session's streaming playbook matcher once it was deferred (see <see cref="PlaybookProbe"/>).
/// </summary>
internal sealed record ScoreMark(string FirstId, string LastId, int Count, IReadOnlyCollection<string> Completed)
{
    /// <summary>The in-order playbook matcher fed with this session's alerts so far, or null until first needed.</summary>
    public SegmentMatcher? Matcher { get; set; }
}
