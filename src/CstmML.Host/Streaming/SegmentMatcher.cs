using CstmML.Core.Alerts;
using CstmML.Playbooks.Matching;

namespace CstmML.Host.Streaming;

/// <summary>
/// A streaming playbook matcher of one open session, made by <see cref="Engine"/> and fed the session's alerts in event
/// order up to <see cref="LastFed"/>: appended alerts are fed one at a time, so telling whether they completed a
/// playbook costs per new alert, not per session size.
/// </summary>
internal sealed class SegmentMatcher(PlaybookEngine engine)
{
    public PlaybookEngine Engine { get; } = engine;

    public PlaybookMatchSession Session { get; } = engine.CreateSession();

    /// <summary>The last alert fed (in event order, the latest); null before the first.</summary>
    public NormalizedAlert? LastFed { get; set; }
}
