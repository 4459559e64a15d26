using CstmML.Playbooks.Matching;

namespace CstmML.Host.Streaming;

/// <summary>
/// A scorer (other than the <see cref="CstmML.Scoring.Engine.ScoringEngine"/>, recognised directly) whose results'
/// <c>playbooks</c> are <see cref="PlaybookEngine.Match(CstmML.Core.Sequences.AlertSequence)"/> of <see cref="Playbooks"/>,
/// so the re-score policy can tell a playbook completion without scoring (see <see cref="PlaybookProbe"/>).
/// </summary>
internal interface IPlaybookSource
{
    /// <summary>The playbooks the scorer matches.</summary>
    PlaybookEngine Playbooks { get; }
}
