using CstmML.Playbooks.Matching;

namespace CstmML.Host.Streaming;

/// <summary>
/// A streaming playbook matcher fed with the first <see cref="Fed"/> alerts of one open session (the last of them
/// <see cref="LastFedId"/>), made by <see cref="Engine"/>: appended alerts are fed one at a time, so telling whether
/// they completed a playbook costs per new alert, not per session size.
/// </summary>
internal sealed class SegmentMatcher(PlaybookEngine engine)
{
    public PlaybookEngine Engine { get; } = engine;

    public PlaybookMatchSession Session { get; } = engine.CreateSession();

    public int Fed { get; set; }

    public string LastFedId { get; set; } = string.Empty;
}
